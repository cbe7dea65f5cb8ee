// File helpers for sweep outputs: atomic writes (temporary sibling, then rename) so an
// interrupted sweep or merge never leaves a half-written results.csv, sweep.json or run folder.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { isRunFile, namesIn } from '../metrics/out-path.ts';
import { processAlive, removeRunFiles } from '../metrics/run-folder.ts';
import { basename, dirname, join } from 'node:path';

const FILE_TEMP = /^\.tmp-(.+)-(\d+)$/;

/**
 * Removes the temporaries of writeFileAtomic(dir/<name>) for `names` that a killed process left
 * (`.tmp-<name>-<pid>`, its process gone; plain files only). Returns how many it removed.
 */
export function removeStaleFileTemps(dir: string, names: ReadonlySet<string>): number {
  let removed = 0;
  for (const entry of namesIn(dir)) {
    const m = FILE_TEMP.exec(entry);
    if (!m || !names.has(m[1]!) || processAlive(Number(m[2]))) continue;
    const p = join(dir, entry);
    if (!lstatSync(p).isFile()) continue;
    unlinkSync(p);
    removed++;
  }
  return removed;
}

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
