// What an output path holds before a run writes there, so that a run never deletes what it did
// not write: a run folder is recognised by its own files, anything else is refused.
import { lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { listNames } from '../input/errors.ts';

/** The files a run folder holds (simulate writes nothing else). */
const RUN_FILE =
  /^(scenario\.resolved\.json|summary\.json|cells\.json|functions\.csv|timeseries\.csv|function-timeseries\.csv(?:\.gz)?|invocations(?:-invitro)?\.csv(?:\.gz)?|trace-functions-\d+\.csv)$/;
export function isRunFile(name: string): boolean {
  return RUN_FILE.test(name);
}

/** A cell's folder in a divided run's partial folder (docs/scale.md), and the files it holds. */
const CELL_DIR = /^cell-\d+$/;
const CELL_FILE = /^(state\.json|invocations(?:-invitro)?(?:\.header)?\.csv(?:\.gz)?)$/;

/**
 * True for an entry of `dir` that a run wrote: a run file, or a cell folder holding nothing but
 * cell files (a link or a folder with anything else in it is not ours).
 */
export function isRunEntry(dir: string, name: string): boolean {
  const st = lstatOrNull(join(dir, name));
  if (!st) return false;
  if (st.isFile()) return isRunFile(name);
  if (!st.isDirectory() || !CELL_DIR.test(name)) return false;
  return readdirSync(join(dir, name), { withFileTypes: true }).every((e) => e.isFile() && CELL_FILE.test(e.name));
}

export type OutPath =
  /** Nothing there: created. */
  | { readonly kind: 'absent' }
  /** An empty folder: filled. */
  | { readonly kind: 'empty' }
  /** A run folder this tool wrote, holding nothing else: replaced. */
  | { readonly kind: 'run-folder' }
  /** A run folder with other entries beside its files (a user's notes, plots): only the run's files are ours. */
  | { readonly kind: 'run-folder-plus'; readonly foreign: readonly string[] }
  /** Anything else: a file, a link, or a folder that holds no run. Never written. */
  | { readonly kind: 'foreign'; readonly what: string };

/** The entry at `path` (a link itself, not what it points to), or null when there is none. */
export function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** True when `dir/scenario.resolved.json` is one this tool wrote (it carries `resolved.toolVersion`). */
function hasResolvedScenario(dir: string): boolean {
  const file = join(dir, 'scenario.resolved.json');
  if (!lstatOrNull(file)?.isFile()) return false;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as { resolved?: { toolVersion?: unknown } } | null;
    return typeof v?.resolved?.toolVersion === 'string';
  } catch {
    return false;
  }
}

/** The names in `dir`, or none when it cannot be read (gone, not a folder). */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function describeOther(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link (give the folder it points to)';
  if (st.isFile()) return 'a file';
  return 'not a folder';
}

/** Classifies what is at `path` (not following a link at `path` itself). */
export function inspectOutPath(path: string): OutPath {
  const st = lstatOrNull(path);
  if (!st) return { kind: 'absent' };
  if (!st.isDirectory()) return { kind: 'foreign', what: describeOther(st) };
  const entries = readdirSync(path, { withFileTypes: true });
  if (entries.length === 0) return { kind: 'empty' };
  if (!hasResolvedScenario(path)) {
    const names = entries.map((e) => e.name).sort();
    return { kind: 'foreign', what: `a folder that holds no run folder (${listNames(names)})` };
  }
  const foreign = entries
    .filter((e) => !isRunEntry(path, e.name))
    .map((e) => e.name)
    .sort();
  return foreign.length ? { kind: 'run-folder-plus', foreign } : { kind: 'run-folder' };
}

/**
 * Why a run may not write at `path`, or null when it may. Without `force` a run writes into a new
 * or empty folder or replaces a run folder; with `force` it also replaces the run's files in a
 * run folder that holds other entries, and keeps those. Nothing else is ever written.
 */
export function runOutProblem(state: OutPath, force: boolean): string | null {
  switch (state.kind) {
    case 'absent':
    case 'empty':
    case 'run-folder':
      return null;
    case 'run-folder-plus':
      return force
        ? null
        : `holds a run folder and entries a run did not write (${listNames(state.foreign)}); ` +
            "pass --force to replace the run's files and keep those, or choose another folder";
    case 'foreign':
      return `is ${state.what}: a run writes only into a new folder, an empty one or a previous run folder; choose another folder`;
  }
}
