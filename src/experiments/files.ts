// File helpers for sweep outputs: atomic writes (temporary sibling, then rename) so an
// interrupted sweep or merge never leaves a half-written results.csv, sweep.json or run folder.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { isRunFile } from '../metrics/out-path.ts';
import { removeRunFiles } from '../metrics/run-folder.ts';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.tmp-${basename(file)}-${process.pid}`);
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * Copies a run folder's own files into place, replacing a previous run folder there (the caller
 * has checked that `to` is one, or absent: sweep-output.ts). A user's extra entries in `from`
 * (notes, plots) are not the run's and stay behind.
 */
export function copyRunFolder(from: string, to: string): void {
  const tmp = join(dirname(to), `.tmp-${basename(to)}-${process.pid}-merge`);
  if (existsSync(tmp)) removeRunFiles(tmp);
  mkdirSync(tmp, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile() && isRunFile(entry.name)) copyFileSync(join(from, entry.name), join(tmp, entry.name));
  }
  if (existsSync(to) && !removeRunFiles(to)) {
    removeRunFiles(tmp);
    throw new Error(`${to} changed during the merge: it now holds entries that are not a run's; left as it is`);
  }
  renameSync(tmp, to);
}
