// `sim compare`: every numeric summary.json metric of two or more runs side by side, with the
// absolute and relative difference of each run against the first (the baseline), and the
// functions whose per-function figures (functions.csv) moved most.
import { column, type RunData, type Table } from './read-run.ts';

/** One later run's value of a metric against the baseline's. */
export interface Delta {
  /** value - baseline, or null when either is absent. */
  readonly abs: number | null;
  /**
   * (value - baseline) / |baseline|, or null when either is absent or the baseline is 0 and the
   * value is not (no finite relative change).
   */
  readonly rel: number | null;
}

export interface MetricRow {
  /** Flattened summary.json path (`latencyMs.endToEnd.p99`, `traces[0].functions`). */
  readonly path: string;
  /** One value per run, in argument order; null where that run's summary has no such number. */
  readonly values: readonly (number | null)[];
  /** One per run after the first. */
  readonly deltas: readonly Delta[];
}

/** functions.csv columns worth ranking movers by, in this order, each when the files have it. */
export const MOVER_COLUMNS = [
  'mean_latency_ms',
  'p50_latency_ms',
  'p99_latency_ms',
  'cold_pct',
  'mean_wait_ms',
  'mean_cold_wait_ms',
  'instances_started',
  'idle_gb_s',
  'dropped',
] as const;

export interface Mover {
  readonly function: string;
  readonly baseline: number;
  readonly value: number;
  readonly abs: number;
  readonly rel: number | null;
}

export interface FunctionMovers {
  /** The run compared with the baseline (index into the runs). */
  readonly run: number;
  /** Per ranked column, the functions with the largest absolute change, largest first. */
  readonly byColumn: readonly { readonly column: string; readonly movers: readonly Mover[] }[];
  /** Functions in one of the two runs only (not ranked). */
  readonly onlyInBaseline: readonly string[];
  readonly onlyInRun: readonly string[];
}

/** Every number in `value`, keyed by its path; booleans and strings are not metrics. */
export function flattenNumbers(value: unknown, prefix = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') {
    out.set(prefix, value);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flattenNumbers(v, `${prefix}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenNumbers(v, prefix === '' ? k : `${prefix}.${k}`, out);
  }
  return out;
}

/** Digits after the decimal point in the shortest text of `v` (1298.39 -> 2). */
function decimals(v: number): number {
  const s = String(v);
  const e = s.indexOf('e');
  if (e >= 0) return Math.max(0, -Number(s.slice(e + 1)) + (s.slice(0, e).split('.')[1]?.length ?? 0));
  return s.split('.')[1]?.length ?? 0;
}

/**
 * The difference rounded to the decimals its operands have, so that 1298.39 - 1298.432 is
 * -0.042, not -0.04199999999991633 (summary.json numbers are already rounded).
 */
function difference(baseline: number, value: number): number {
  const d = Math.max(decimals(baseline), decimals(value));
  const abs = value - baseline;
  return d <= 15 ? Number(abs.toFixed(d)) : abs;
}

export function delta(baseline: number | null, value: number | null): Delta {
  if (baseline === null || value === null) return { abs: null, rel: null };
  const abs = difference(baseline, value);
  if (baseline === 0) return { abs, rel: abs === 0 ? 0 : null };
  return { abs, rel: abs / Math.abs(baseline) };
}

/**
 * One row per path that is a number in any run's summary: the baseline's paths in file order,
 * then paths only later runs have, in the order they first appear.
 */
export function compareSummaries(summaries: readonly Record<string, unknown>[]): MetricRow[] {
  const flat = summaries.map((s) => flattenNumbers(s));
  const paths: string[] = [];
  const seen = new Set<string>();
  for (const f of flat) {
    for (const p of f.keys()) {
      if (!seen.has(p)) {
        seen.add(p);
        paths.push(p);
      }
    }
  }
  return paths.map((path) => {
    const values = flat.map((f) => f.get(path) ?? null);
    return { path, values, deltas: values.slice(1).map((v) => delta(values[0]!, v)) };
  });
}

/** functions.csv as function name -> (column -> number); empty or non-numeric cells are left out. */
function functionNumbers(t: Table): Map<string, Map<string, number>> {
  const key = column(t, 'function');
  const out = new Map<string, Map<string, number>>();
  if (key < 0) return out;
  for (const row of t.rows) {
    const cells = new Map<string, number>();
    t.columns.forEach((c, i) => {
      const text = row[i];
      if (i === key || text === undefined || text === '') return;
      const n = Number(text);
      if (Number.isFinite(n)) cells.set(c, n);
    });
    out.set(row[key]!, cells);
  }
  return out;
}

/** The functions of `run` that moved most against `baseline`, `top` per ranked column. */
export function functionMovers(baseline: Table, run: Table, runIndex: number, top: number): FunctionMovers {
  const a = functionNumbers(baseline);
  const b = functionNumbers(run);
  const columns = MOVER_COLUMNS.filter((c) => baseline.columns.includes(c) && run.columns.includes(c));
  const byColumn = columns.map((c) => {
    const movers: Mover[] = [];
    for (const [name, va] of a) {
      const x = va.get(c);
      const y = b.get(name)?.get(c);
      if (x === undefined || y === undefined || x === y) continue;
      const d = delta(x, y);
      movers.push({ function: name, baseline: x, value: y, abs: d.abs!, rel: d.rel });
    }
    // Largest change first; ties by name, so the order never depends on the file's row order.
    movers.sort((m, n) => Math.abs(n.abs) - Math.abs(m.abs) || (m.function < n.function ? -1 : m.function > n.function ? 1 : 0));
    return { column: c, movers: movers.slice(0, top) };
  });
  return {
    run: runIndex,
    byColumn,
    onlyInBaseline: [...a.keys()].filter((n) => !b.has(n)).sort(),
    onlyInRun: [...b.keys()].filter((n) => !a.has(n)).sort(),
  };
}

export interface Comparison {
  readonly runs: readonly { readonly dir: string; readonly scenario: unknown; readonly seed: unknown }[];
  readonly metrics: readonly MetricRow[];
  /** One per later run; empty where a run has no functions.csv. */
  readonly functions: readonly FunctionMovers[];
}

export function compareRuns(runs: readonly RunData[], top = 5): Comparison {
  const base = runs[0]!;
  const functions: FunctionMovers[] = [];
  runs.slice(1).forEach((r, i) => {
    if (base.functions && r.functions) functions.push(functionMovers(base.functions, r.functions, i + 1, top));
  });
  return {
    runs: runs.map((r) => ({ dir: r.dir, scenario: r.summary['scenario'] ?? null, seed: r.summary['seed'] ?? null })),
    metrics: compareSummaries(runs.map((r) => r.summary)),
    functions,
  };
}
