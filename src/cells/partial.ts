// A partial run folder: the cells one process ran (`sim run --cells i/n`, or every cell before a
// `--threads` run merges them), each in `cell-<c>/`, with `cells.json` saying which, and the files
// that are the same for every cell (scenario.resolved.json, trace-functions-<i>.csv). Merging the
// partial folders that together hold every cell once gives the run folder (merge.ts).
import { closeSync, openSync, readFileSync, readSync, writeFileSync, writeSync, copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../input/errors.ts';
import { FUNCTION_TIMESERIES_COLUMNS } from '../metrics/function-timeseries.ts';
import type { RunFolder } from '../metrics/run-folder.ts';
import { TIMESERIES_COLUMNS } from '../metrics/timeseries.ts';
import { invocationsCsvName, type TraceInfo } from '../run/summarize.ts';
import type { ResolvedScenario } from '../scenario/schema.ts';
import { TOOL_VERSION } from '../version.ts';
import { CELL_STATE_FORMAT, type CellState } from './cell-state.ts';
import { CELL_FUNCTION_COLUMNS, mergeCells, type MergedRun } from './merge.ts';
import { invocationsPart, STATE_FILE } from './run-cell.ts';

export const CELLS_MANIFEST = 'cells.json';
const MANIFEST_FORMAT = 'sim-cells/1';

export interface CellsManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly toolVersion: string;
  readonly cells: number;
  /** `[i, n]` of `--cells i/n`, or null when the process ran every cell. */
  readonly shard: readonly [number, number] | null;
  /** Cells in this folder, ascending. */
  readonly ran: readonly number[];
  /** What each workload source read (null for synthetic sources). */
  readonly traces: readonly TraceInfo[];
}

export const cellDir = (c: number): string => `cell-${c}`;

/** Writes the manifest and the files every cell shares into `dir` (a run folder's temporary). */
export function writePartialFiles(dir: string, m: CellsManifest, resolvedText: string, traceCsvs: readonly (string | null)[]): void {
  writeFileSync(join(dir, CELLS_MANIFEST), JSON.stringify(m, null, 2) + '\n');
  writeFileSync(join(dir, 'scenario.resolved.json'), resolvedText);
  traceCsvs.forEach((csv, i) => {
    if (csv !== null) writeFileSync(join(dir, `trace-functions-${i}.csv`), csv);
  });
}

interface Partial {
  readonly dir: string;
  readonly manifest: CellsManifest;
  readonly resolvedText: string;
}

/** A file of a partial folder: its text, or an InputError naming it when it is missing or unreadable. */
function readPartFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError({
      file: path,
      message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): the partial run folder is incomplete`,
    });
  }
}

/** A JSON file of a partial folder, parsed, or an InputError naming it. */
function readPartJson<T>(path: string): T {
  const text = readPartFile(path);
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new InputError({ file: path, message: `not valid JSON (${(e as Error).message}): the partial run folder is damaged` });
  }
}

function readPartial(dir: string): Partial {
  const path = join(dir, CELLS_MANIFEST);
  if (!existsSync(path))
    throw new InputError({
      file: dir,
      message: `not a partial run folder: no ${CELLS_MANIFEST} (write one with \`sim run <scenario> --cells i/n --out <folder>\`)`,
    });
  const m = readPartJson<CellsManifest>(path);
  if (m?.format !== MANIFEST_FORMAT) throw new InputError({ file: path, where: 'format', message: `expected "${MANIFEST_FORMAT}"` });
  const cellOk = (c: unknown) => Number.isInteger(c) && (c as number) >= 0 && (c as number) < m.cells;
  if (!Number.isInteger(m.cells) || m.cells < 2 || !Array.isArray(m.ran) || !m.ran.every(cellOk) || !Array.isArray(m.traces)) {
    throw new InputError({
      file: path,
      message: 'expected "cells" (2 or more), "ran" (cell indices below it) and "traces": the partial run folder is damaged',
    });
  }
  if (m.toolVersion !== TOOL_VERSION) {
    throw new InputError({
      file: path,
      where: 'toolVersion',
      message: `written by version ${m.toolVersion}; this is ${TOOL_VERSION}: merge with the version that ran the cells`,
    });
  }
  return { dir, manifest: m, resolvedText: readPartFile(join(dir, 'scenario.resolved.json')) };
}

/**
 * Reads partial folders and checks that they are of one run and hold every cell exactly once;
 * returns them with their cells' states in cell order.
 */
export function readPartials(dirs: readonly string[]): { scenario: ResolvedScenario; partials: Partial[]; states: { state: CellState; dir: string }[] } {
  if (dirs.length === 0) throw new InputError({ message: 'give the partial run folders to merge' });
  const partials = dirs.map(readPartial);
  const first = partials[0]!;
  const k = first.manifest.cells;
  const owner = new Map<number, string>();
  for (const p of partials) {
    if (p.resolvedText !== first.resolvedText) {
      throw new InputError({
        file: join(p.dir, 'scenario.resolved.json'),
        message: `another scenario than ${join(first.dir, 'scenario.resolved.json')} (scenario, seed or overrides differ): merge only the parts of one run`,
      });
    }
    if (JSON.stringify(p.manifest.traces) !== JSON.stringify(first.manifest.traces)) {
      throw new InputError({
        file: join(p.dir, CELLS_MANIFEST),
        where: 'traces',
        message: `its trace sources read other data than ${first.dir}'s: merge only parts that read the same trace files`,
      });
    }
    first.manifest.traces.forEach((t, i) => {
      const name = `trace-functions-${i}.csv`;
      if (t && p !== first && readPartFile(join(p.dir, name)) !== readPartFile(join(first.dir, name))) {
        throw new InputError({ file: join(p.dir, name), message: `differs from ${join(first.dir, name)}: the parts replayed other trace functions` });
      }
    });
    if (p.manifest.cells !== k)
      throw new InputError({ file: join(p.dir, CELLS_MANIFEST), where: 'cells', message: `${p.manifest.cells} cells, but ${first.dir} has ${k}` });
    for (const c of p.manifest.ran) {
      const other = owner.get(c);
      if (other !== undefined) throw new InputError({ file: p.dir, message: `cell ${c} is also in ${other}: give each partial folder once` });
      owner.set(c, p.dir);
    }
  }
  const missing = [...Array(k).keys()].filter((c) => !owner.has(c));
  if (missing.length) {
    throw new InputError({
      message: `cells ${missing.join(', ')} of ${k} are in none of the folders given (${dirs.join(', ')}): run the missing parts with --cells i/n`,
    });
  }
  const parsed = JSON.parse(first.resolvedText) as ResolvedScenario & { resolved?: unknown };
  const { resolved: _resolved, ...scenario } = parsed;
  const states = [...Array(k).keys()].map((c) => {
    const dir = join(owner.get(c)!, cellDir(c));
    const state = readPartJson<CellState>(join(dir, STATE_FILE));
    const shaped =
      state && Array.isArray(state.functions) && Array.isArray(state.timeseries) && Array.isArray(state.functionSeries) && typeof state.recorder === 'object';
    if (!shaped || state?.format !== CELL_STATE_FORMAT || state.cell !== c)
      throw new InputError({ file: join(dir, STATE_FILE), message: `expected the state of cell ${c} (${CELL_STATE_FORMAT})` });
    return { state, dir };
  });
  return { scenario: scenario as ResolvedScenario, partials, states };
}

/** Appends the file at `from` to the open file `fd`, in 8 MiB reads (parts may be gigabytes). */
function appendFile(fd: number, from: string, buf: Buffer): void {
  const src = openSync(from, 'r');
  try {
    for (;;) {
      const n = readSync(src, buf, 0, buf.length, null);
      if (n === 0) break;
      for (let off = 0; off < n;) off += writeSync(fd, buf, off, n - off);
    }
  } finally {
    closeSync(src);
  }
}

/**
 * Merges the partial folders into `folder` (its temporary): every file of a run folder, with the
 * invocations file as its header then each cell's rows, cell by cell.
 */
export function mergePartialsInto(dirs: readonly string[], folder: RunFolder): MergedRun {
  const { scenario: s, partials, states } = readPartials(dirs);
  const merged = mergeCells(
    s,
    states.map((x) => x.state),
    partials[0]!.manifest.traces,
  );
  folder.writeJson('scenario.resolved.json', merged.resolved);
  folder.writeJson('summary.json', merged.summary);
  folder.writeCsv('functions.csv', CELL_FUNCTION_COLUMNS, merged.functions);
  folder.writeCsv('timeseries.csv', TIMESERIES_COLUMNS, merged.timeseries);
  if (merged.functionTimeseries && s.output.compression === 'gzip')
    folder.writeCsvGz('function-timeseries.csv', FUNCTION_TIMESERIES_COLUMNS, merged.functionTimeseries);
  else if (merged.functionTimeseries) folder.writeCsv('function-timeseries.csv', FUNCTION_TIMESERIES_COLUMNS, merged.functionTimeseries);
  // A run of every cell merges in its own temporary: its trace files are in place already.
  const inPlace = resolve(partials[0]!.dir) === resolve(folder.tmp);
  partials[0]!.manifest.traces.forEach((t, i) => {
    if (t && !inPlace) copyFileSync(join(partials[0]!.dir, `trace-functions-${i}.csv`), folder.path(`trace-functions-${i}.csv`));
  });
  if (s.output.invocations !== false) {
    const parts = [join(states[0]!.dir, invocationsPart(s, true)), ...states.map((x) => join(x.dir, invocationsPart(s)))];
    const missing = parts.find((p) => !existsSync(p));
    if (missing) throw new InputError({ file: missing, message: 'missing: the partial run folder is incomplete' });
    const name = invocationsCsvName(s);
    const fd = openSync(folder.path(s.output.compression === 'gzip' ? `${name}.gz` : name), 'w');
    const buf = Buffer.allocUnsafe(8 << 20);
    try {
      for (const p of parts) appendFile(fd, p, buf);
    } finally {
      closeSync(fd);
    }
  }
  return merged;
}
