// results.csv: one row per run in run order: id, folder, seed, each axis value, the key metrics
// from its summary.json, then the sweep's extra metric paths. Built only from the run list and
// the summary files, so a sweep, a resumed sweep and a merge of shards give the same bytes.
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../input/errors.ts';
import { formatAxisValue } from './axis-value.ts';

export const KEY_METRICS: readonly { readonly column: string; readonly path: string }[] = [
  { column: 'arrivals', path: 'invocations.arrivals' },
  { column: 'completed', path: 'invocations.completed' },
  { column: 'dropped', path: 'invocations.dropped.total' },
  { column: 'failed', path: 'invocations.failed.total' },
  { column: 'cold_fraction', path: 'coldStarts.fractionOfCompleted' },
  { column: 'p50_ms', path: 'latencyMs.endToEnd.p50' },
  { column: 'p99_ms', path: 'latencyMs.endToEnd.p99' },
  { column: 'p75_app_cold_pct', path: 'apps.coldStartPercent.p75' },
  { column: 'idle_gb_s', path: 'memory.idleGBs' },
  { column: 'cost_usd', path: 'cost.user.totalUSD' },
];

export interface ResultRun {
  readonly id: string;
  readonly folder: string;
  readonly seed: number;
  readonly values: readonly unknown[];
}

/** `a.b[0].c` -> ['a', 'b', 0, 'c']. */
export function splitMetricPath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

export function getPath(root: unknown, path: string): unknown {
  let cur = root;
  for (const key of splitMetricPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v); // numbers as JSON writes them
}

export function resultsHeader(axes: readonly string[], metrics: readonly string[]): string[] {
  return ['run', 'folder', 'seed', ...axes, ...KEY_METRICS.map((m) => m.column), ...metrics];
}

/**
 * The CSV text. `summaryOf` gives each run's parsed summary.json. A path that is absent is an
 * empty cell (e.g. a drop reason that never happened), but an extra metric absent from every
 * run is a typo, reported as an input error naming it.
 */
export function resultsCsv(
  axes: readonly string[],
  metrics: readonly string[],
  runs: readonly ResultRun[],
  summaryOf: (run: ResultRun) => unknown,
  file = 'sweep',
): string {
  const summaries = runs.map(summaryOf);
  if (runs.length > 0) {
    const missing = metrics.filter((m) => summaries.every((s) => getPath(s, m) === undefined));
    if (missing.length) {
      throw new InputError(
        missing.map((m) => ({
          file,
          where: `metrics[${metrics.indexOf(m)}]`,
          message: `"${m}" is in no run's summary.json (the runs are kept: fix the sweep file and re-run to resume)`,
        })),
      );
    }
  }
  const rows = runs.map((r, i) => [
    r.id,
    r.folder,
    String(r.seed),
    ...r.values.map(formatAxisValue),
    ...KEY_METRICS.map((m) => cell(getPath(summaries[i], m.path))),
    ...metrics.map((m) => cell(getPath(summaries[i], m))),
  ]);
  return stringify([resultsHeader(axes, metrics), ...rows]);
}
