// Figure `trace-shape`: CDFs of daily invocations per function and per app (log x) for the
// committed synthetic trace traces/azure-sample and, in the full figure, a freshly generated
// 2000-function trace; the published app-level shares are drawn as labelled reference points.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { readCountFile } from '../../workload/azure2019/counts.ts';
import { availableDays, dayFiles } from '../../workload/azure2019/files.ts';
import { TARGETS } from '../../workload/synth/shape.ts';
import { synthesizeTrace } from '../../workload/synth/write.ts';
import { repoPath } from './runs.ts';
import { logTicks } from './render.ts';
import { round } from './write.ts';
import type { Figure, FigureData, FigureOptions } from './types.ts';

export const REFERENCE_LABEL = "apps, published (ATC'20)";
/** The generated trace of the full figure. */
export const LARGE_TRACE = { functions: 2000, days: 1, seed: 7 } as const;

export interface DailyTotals {
  /** Mean daily invocations of every function / app listed in the trace (zeros included). */
  readonly functions: number[];
  readonly apps: number[];
}

/** Sums the per-minute counts of every day, per function and per app (owner + app hash). */
export async function dailyTotals(dir: string): Promise<DailyTotals> {
  const days = availableDays(dir);
  const fns = new Map<string, number>();
  const apps = new Map<string, number>();
  for (const day of days) {
    await readCountFile(dayFiles(dir, day).invocations, (r) => {
      const app = `${r.owner}/${r.app}`;
      const fn = `${app}/${r.func}`;
      fns.set(fn, (fns.get(fn) ?? 0) + r.total);
      apps.set(app, (apps.get(app) ?? 0) + r.total);
    });
  }
  // Sorted, so the result does not depend on file order.
  const perDay = (m: Map<string, number>): number[] => [...m.values()].map((x) => x / days.length).sort((a, b) => a - b);
  return { functions: perDay(fns), apps: perDay(apps) };
}

/**
 * Empirical CDF of sorted values, one step per distinct positive value. Fractions are of *all*
 * values, zeros included (the published shares count every app), so the curve starts at the
 * share of zeros plus the smallest value; zeros themselves get no point (a log axis has no 0).
 */
export function cdfSteps(sorted: readonly number[]): { x: number; p: number }[] {
  const out: { x: number; p: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]! <= 0 || (i + 1 < sorted.length && sorted[i + 1] === sorted[i])) continue;
    out.push({ x: sorted[i]!, p: (i + 1) / sorted.length });
  }
  return out;
}

interface TraceSource {
  readonly label: string;
  readonly totals: DailyTotals;
}

async function sources(quick: boolean, log?: (l: string) => void): Promise<TraceSource[]> {
  const out: TraceSource[] = [{ label: 'traces/azure-sample (300 functions)', totals: await dailyTotals(repoPath('traces', 'azure-sample')) }];
  if (!quick) {
    const dir = mkdtempSync(join(tmpdir(), 'sim-fig-trace-'));
    try {
      synthesizeTrace({ out: dir, ...LARGE_TRACE });
      log?.(`trace-shape: generated ${LARGE_TRACE.functions} functions (seed ${LARGE_TRACE.seed}) in ${dir}`);
      out.push({ label: `generated, ${LARGE_TRACE.functions} functions (seed ${LARGE_TRACE.seed})`, totals: await dailyTotals(dir) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

const LEVELS = ['function', 'app'] as const;

async function build(opts: FigureOptions): Promise<FigureData> {
  const traces = await sources(opts.quick, opts.log);
  const points: { trace: string; level: string; x: number; p: number }[] = [];
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const t of traces) {
    for (const level of LEVELS) {
      const values = level === 'function' ? t.totals.functions : t.totals.apps;
      const steps = cdfSteps(values);
      for (const s of steps) {
        points.push({ trace: t.label, level: `per ${level}`, x: s.x, p: round(s.p, 5) });
        rows.push([t.label, level, s.x, round(s.p, 5)]);
      }
      const zeros = values.length - values.filter((x) => x > 0).length;
      notes.push(`${t.label}: ${values.length} ${level}s, ${zeros} with no invocation (counted in the fractions, not drawn)`);
    }
  }
  // The two app-level shares the generator aims at: <= 1/hour (24/day) and <= 1/minute (1440/day).
  const ref = [
    { x: 24, p: TARGETS.appsAtMostHourly, source: REFERENCE_LABEL },
    { x: 1440, p: TARGETS.appsAtMostPerMinute, source: REFERENCE_LABEL },
  ];
  for (const r of ref) rows.push([REFERENCE_LABEL, 'app', r.x, r.p]);
  const xs = points.map((p) => p.x);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Trace shape: daily invocations per function and per app',
      subtitle: [
        'read from the trace files (2019 Azure layout); fractions include functions/apps never invoked that day',
        'diamonds: shares of apps invoked <= 1/hour and <= 1/minute in the real 2019 trace (Shahrad et al.)',
      ],
    },
    width: 520,
    height: 320,
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x: {
            field: 'x',
            type: 'quantitative',
            scale: { type: 'log' },
            axis: { values: logTicks(Math.min(...xs, 1), Math.max(...xs) * 10) },
            title: 'invocations per day (log scale)',
          },
          y: { field: 'p', type: 'quantitative', scale: { domain: [0, 1] }, title: 'CDF' },
          color: { field: 'level', type: 'nominal', sort: LEVELS.map((l) => `per ${l}`), scale: { range: ['#4c78a8', '#f58518'] }, title: null },
          strokeDash: { field: 'trace', type: 'nominal', sort: traces.map((t) => t.label), title: 'trace' },
        },
      },
      {
        data: { values: ref },
        mark: { type: 'point', filled: true, size: 60, color: 'black' },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'p', type: 'quantitative' },
          shape: { field: 'source', type: 'nominal', scale: { range: ['diamond'] }, title: 'reference' },
        },
      },
    ],
  };
  return {
    spec,
    columns: ['trace', 'level', 'invocations_per_day', 'cdf'],
    rows,
    series: traces.flatMap((t) => LEVELS.map((l) => `${t.label}, per ${l}`)),
    points: points.length,
    referencePoints: ref.length,
    notes: [
      opts.quick
        ? 'traces/azure-sample only (--quick)'
        : `traces/azure-sample and a trace generated at run time: synthesizeTrace({ functions: ${LARGE_TRACE.functions}, days: 1, seed: ${LARGE_TRACE.seed} }) into a temporary folder`,
      ...notes,
    ],
  };
}

export const traceShape: Figure = {
  name: 'trace-shape',
  title: 'Trace shape: CDF of daily invocations per function and per app',
  build,
};
