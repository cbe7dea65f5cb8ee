// Where a sweep or a merge may write: a new or empty folder, or a sweep output (its manifest,
// results and run folders, possibly unfinished). Anything else is refused before any run, and
// inside a sweep output only run folders are ever replaced (see metrics/out-path.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listNames } from '../input/errors.ts';
import { inspectOutPath, lstatOrNull as lstat, runOutProblem } from '../metrics/out-path.ts';
import { InputError, type InputProblem } from '../input/errors.ts';
import { MANIFEST_FILE, RESULTS_FILE, RUNS_DIR } from './manifest.ts';

/** Temporaries of an atomic write or of a run folder: ours. */
const TEMP_ENTRY = /^\.tmp-/;

/** The sweep name in `dir/manifest.json`, null when there is none (an unfinished sweep), undefined when unreadable. */
function manifestSweep(dir: string): string | null | undefined {
  const file = join(dir, MANIFEST_FILE);
  if (!lstat(file)) return null;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; sweep?: unknown } | null;
    return v?.format === 1 && typeof v.sweep === 'string' ? v.sweep : undefined;
  } catch {
    return undefined;
  }
}

/** Why `dir` is not a sweep output (null when it is one, or absent, or empty). */
function notSweepOutput(dir: string): string | null {
  const st = lstat(dir);
  if (!st) return null;
  if (!st.isDirectory()) return st.isSymbolicLink() ? 'is a symbolic link (give the folder it points to)' : 'is a file';
  const entries = readdirSync(dir, { withFileTypes: true });
  const foreign = entries
    .filter((e) => {
      if (TEMP_ENTRY.test(e.name)) return false;
      if (e.name === MANIFEST_FILE || e.name === RESULTS_FILE) return !e.isFile();
      return !(e.name === RUNS_DIR && e.isDirectory());
    })
    .map((e) => e.name)
    .sort();
  if (foreign.length) return `holds entries a sweep did not write (${listNames(foreign)})`;
  if (manifestSweep(dir) === undefined) return `has a ${MANIFEST_FILE} this tool did not write`;
  const runs = join(dir, RUNS_DIR);
  if (lstat(runs)) {
    const strays = readdirSync(runs, { withFileTypes: true })
      .filter((e) => !TEMP_ENTRY.test(e.name) && !(e.isDirectory() && inspectOutPath(join(runs, e.name)).kind !== 'foreign'))
      .map((e) => e.name)
      .sort();
    if (strays.length) return `has entries in ${RUNS_DIR}/ that are not run folders (${listNames(strays)})`;
  }
  return null;
}

const WRITES_ONLY = 'a sweep writes only into a new folder, an empty one or a sweep output; choose another --out';

/**
 * Checks a sweep's output folder and the run folders it is about to write, every problem at once.
 * Another sweep's output (by name) is refused unless `force`.
 */
export function checkSweepOut(out: string, sweepName: string, runFolders: readonly string[], force: boolean): void {
  const problem = notSweepOutput(out);
  if (problem) throw new InputError({ file: out, where: '--out', message: `${problem}: ${WRITES_ONLY}` });
  const other = lstat(out) ? manifestSweep(out) : null;
  const problems: InputProblem[] = [];
  if (other && other !== sweepName && !force) {
    problems.push({
      file: out,
      where: '--out',
      message: `holds the output of sweep "${other}", not "${sweepName}": choose another --out, or pass --force to write this sweep's runs, results.csv and manifest.json there`,
    });
  }
  for (const folder of runFolders) {
    const dir = join(out, RUNS_DIR, folder);
    const p = runOutProblem(inspectOutPath(dir), force);
    if (p) problems.push({ file: dir, message: p });
  }
  if (problems.length) throw new InputError(problems);
}

/** Checks a merge's output folder and the run folders it will copy into it. */
export function checkMergeOut(out: string, runFolders: readonly string[]): void {
  const problem = notSweepOutput(out);
  if (problem)
    throw new InputError({
      file: out,
      where: '--out',
      message: `${problem}: a merge writes only into a new folder, an empty one or a sweep output; choose another --out`,
    });
  const problems: InputProblem[] = [];
  for (const folder of runFolders) {
    const dir = join(out, RUNS_DIR, folder);
    const p = runOutProblem(inspectOutPath(dir), false);
    if (p) problems.push({ file: dir, message: p });
  }
  if (problems.length) throw new InputError(problems);
}
