// One folder per run, written atomically: everything goes to a temporary sibling folder that is
// renamed into place at the end, so a failed or interrupted run never leaves partial output.
// It only ever replaces a previous run folder's own files (see out-path.ts): never a user's.
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { writeGzipFile } from './gzip-pieces.ts';
import { inspectOutPath, isRunEntry, namesIn, runOutProblem } from './out-path.ts';

/** Thrown when the output path changed under a run so that committing would touch a user's files. */
export class OutputRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'OutputRefused';
  }
}

/**
 * Temporaries are `.tmp-<folder>-<pid>-<n>`, `...-old` while replacing a previous run, and
 * `.tmp-<folder>-<pid>-merge` for a merge's copy.
 */
const TEMP_RE = /^\.tmp-(.+)-(\d+)-(?:\d+|merge)(?:-old)?$/;

export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a folder that holds run files only (a temporary of ours, or a replaced run folder);
 * leaves it, and returns false, if it holds anything else.
 */
export function removeRunFiles(dir: string): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  if (entries.some((e) => !isRunEntry(dir, e.name))) return false;
  for (const e of entries) removeRunEntry(dir, e.name);
  rmdirSync(dir);
  return true;
}

/** Removes one entry for which isRunEntry holds: a file, or a cell folder and its files. */
function removeRunEntry(dir: string, name: string): void {
  const p = join(dir, name);
  if (lstatSync(p).isDirectory()) {
    for (const f of readdirSync(p)) unlinkSync(join(p, f));
    rmdirSync(p);
  } else {
    unlinkSync(p);
  }
}

/**
 * Removes temporaries in `parent` that runs killed before they finished left behind (their process
 * is gone), for the given folder names or, without them, for any. Returns how many it removed.
 * `ownToo`: also this process's, once its runs into `parent` have stopped (an interrupted sweep).
 */
export function removeStaleTemps(parent: string, folders?: ReadonlySet<string>, ownToo = false): number {
  let removed = 0;
  for (const name of namesIn(parent)) {
    const m = TEMP_RE.exec(name);
    const pid = Number(m?.[2]);
    if (!m || (folders && !folders.has(m[1]!)) || (processAlive(pid) && !(ownToo && pid === process.pid))) continue;
    if (removeRunFiles(join(parent, name))) removed++;
  }
  return removed;
}

export interface RunFolderOptions {
  /** Also replace the run's files in a run folder that holds other entries (kept). */
  readonly force?: boolean;
}

export class RunFolder {
  readonly final: string;
  readonly tmp: string;
  private readonly force: boolean;

  /** Throws OutputRefused when `outDir` is not a place a run may write (out-path.ts). */
  constructor(outDir: string, options: RunFolderOptions = {}) {
    this.final = resolve(outDir);
    this.force = options.force ?? false;
    this.check();
    // The pid and a counter keep concurrent runs (sweep workers) into the same parent apart.
    this.tmp = join(dirname(this.final), `.tmp-${basename(this.final)}-${process.pid}-${RunFolder.counter++}`);
    this.createdParent = mkdirSync(dirname(this.final), { recursive: true }) ?? null;
    removeStaleTemps(dirname(this.final), new Set([basename(this.final)]));
    mkdirSync(this.tmp);
  }

  /** The first folder above the run folder that this run created (e.g. `runs/`), if any. */
  private readonly createdParent: string | null;

  private static counter = 0;

  private check() {
    const state = inspectOutPath(this.final);
    const problem = runOutProblem(state, this.force);
    if (problem) throw new OutputRefused(this.final, problem);
    return state;
  }

  path(name: string): string {
    return join(this.tmp, name);
  }

  writeJson(name: string, value: unknown): void {
    writeFileSync(this.path(name), JSON.stringify(value, null, 2) + '\n');
  }

  writeCsv(name: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
    writeFileSync(this.path(name), stringify([header as string[], ...(rows as (string | number)[][])]));
  }

  /** As writeCsv, compressed into `<name>.gz` (gzip-pieces.ts): the plain file is never written. */
  writeCsvGz(name: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
    const fd = openSync(this.path(`${name}.gz`), 'w');
    try {
      writeGzipFile(fd, Buffer.from(stringify([header as string[], ...(rows as (string | number)[][])])));
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Moves the finished folder into place. What is there now is checked again (a long run gives a
   * user time to put files there): a previous run folder is replaced whole; with `force`, only the
   * run's own files of a folder that holds more are replaced.
   */
  commit(): void {
    const state = this.check();
    switch (state.kind) {
      case 'absent':
        renameSync(this.tmp, this.final);
        return;
      case 'empty':
        rmdirSync(this.final); // fails, touching nothing, if something arrived since
        renameSync(this.tmp, this.final);
        return;
      case 'run-folder': {
        const old = `${this.tmp}-old`;
        renameSync(this.final, old);
        renameSync(this.tmp, this.final);
        removeRunFiles(old);
        return;
      }
      case 'run-folder-plus': {
        // Checked before anything is removed: a kept entry (not the run's) with the name of one the
        // run wrote (a user's file inside a cell's folder, a file named like one) would stop the
        // move half-way.
        const clash = state.foreign.find((name) => existsSync(join(this.tmp, name)));
        if (clash !== undefined) {
          throw new OutputRefused(this.final, `holds ${clash}, which is not a run's and which this run would write: move it away (nothing was changed)`);
        }
        for (const name of readdirSync(this.final)) {
          if (isRunEntry(this.final, name)) removeRunEntry(this.final, name);
        }
        for (const name of readdirSync(this.tmp)) renameSync(join(this.tmp, name), join(this.final, name));
        rmdirSync(this.tmp);
        return;
      }
      case 'foreign':
        throw new Error('unreachable: check() refuses a foreign path');
    }
  }

  /** Removes the temporary, and the folders above it that this run created if they are empty. */
  abort(): void {
    if (existsSync(this.tmp)) removeRunFiles(this.tmp);
    if (this.createdParent === null) return;
    for (let d = dirname(this.final); ; d = dirname(d)) {
      try {
        rmdirSync(d); // only an empty folder: anything put there since stays, and so does the folder
      } catch {
        return;
      }
      if (d === this.createdParent) return;
    }
  }
}
