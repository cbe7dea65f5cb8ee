// File helpers for sweep outputs: atomic writes (temporary sibling, then rename) so an
// interrupted sweep or merge never leaves a half-written results.csv, sweep.json or run folder.
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.tmp-${basename(file)}-${process.pid}`);
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Copies a flat run folder into place, replacing what is there. */
export function copyRunFolder(from: string, to: string): void {
  const tmp = join(dirname(to), `.tmp-${basename(to)}-merge-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    // Run folders hold files only; anything else is not ours to copy.
    if (entry.isFile()) copyFileSync(join(from, entry.name), join(tmp, entry.name));
  }
  rmSync(to, { recursive: true, force: true });
  renameSync(tmp, to);
}
