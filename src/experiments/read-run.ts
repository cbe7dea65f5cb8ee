// Reads back what `sim run` and `sim sweep` wrote, for `sim compare` and `sim report`: a run
// folder's summary.json and CSV tables (columns by name, so files with extra columns still read),
// or a sweep output's manifest and results.csv. A folder that is neither is bad input, named.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../input/errors.ts';
import { MANIFEST_FILE, readManifest, RESULTS_FILE, RUNS_DIR, type Manifest } from './manifest.ts';

/** A CSV file as its header and rows of cells (text as written; empty cells are ''). */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface RunData {
  readonly kind: 'run';
  readonly dir: string;
  readonly summary: Record<string, unknown>;
  /** functions.csv, or null when the folder has none. */
  readonly functions: Table | null;
  /** timeseries.csv, or null when the folder has none. */
  readonly timeseries: Table | null;
}

export interface SweepData {
  readonly kind: 'sweep';
  readonly dir: string;
  readonly manifest: Manifest;
  readonly results: Table;
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError({ file, message: `invalid JSON: ${(e as Error).message}` });
  }
}

/** A CSV file with a header line; null when the file does not exist. */
export function readTable(file: string): Table | null {
  if (!existsSync(file)) return null;
  let records: string[][];
  try {
    records = parse(readFileSync(file, 'utf8'), { relaxColumnCount: false, skipEmptyLines: true }) as string[][];
  } catch (e) {
    throw new InputError({ file, message: `not a CSV file this tool wrote: ${(e as Error).message}` });
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new InputError({ file, message: 'empty: expected a header line' });
  return { columns: header, rows };
}

/** The index of `name` in `t`, or -1. */
export function column(t: Table, name: string): number {
  return t.columns.indexOf(name);
}

export function isSweepOutput(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_FILE));
}

/** A run folder (summary.json and its CSVs). `what` names the argument in messages. */
export function readRunFolder(dir: string, what = 'run folder'): RunData {
  if (!existsSync(dir)) throw new InputError({ file: dir, message: `no such folder (expected a ${what})` });
  if (isSweepOutput(dir)) {
    throw new InputError({
      file: dir,
      message: `is a sweep output, not a run folder: give one of its runs, ${join(dir, RUNS_DIR, '<run folder>')} (listed in ${join(dir, RESULTS_FILE)})`,
    });
  }
  const summaryFile = join(dir, 'summary.json');
  if (!existsSync(summaryFile)) throw new InputError({ file: dir, message: `has no summary.json: expected a ${what} written by "sim run" or "sim sweep"` });
  const summary = readJsonFile(summaryFile);
  if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) {
    throw new InputError({ file: summaryFile, message: 'expected a JSON object (the summary of a run)' });
  }
  return {
    kind: 'run',
    dir,
    summary: summary as Record<string, unknown>,
    functions: readTable(join(dir, 'functions.csv')),
    timeseries: readTable(join(dir, 'timeseries.csv')),
  };
}

export function readSweepOutput(dir: string): SweepData {
  const manifest = readManifest(dir);
  const file = join(dir, RESULTS_FILE);
  const results = readTable(file);
  if (results === null) throw new InputError({ file, message: 'missing: the sweep has not finished (run "sim sweep" again to resume it)' });
  return { kind: 'sweep', dir, manifest, results };
}

/** A run folder or a sweep output, whichever `dir` is. */
export function readRunOrSweep(dir: string): RunData | SweepData {
  if (existsSync(dir) && isSweepOutput(dir)) return readSweepOutput(dir);
  return readRunFolder(dir, 'run folder or sweep output');
}
