// The run's summary.json: counts by outcome, cold starts per start path with phase statistics,
// latency percentiles, the 75th-percentile app's cold-start percentage (Shahrad et al., ATC'20),
// idle memory, and cost (user's bill and provider's view).
import type { FunctionSpec } from '../model/function.ts';
import type { LogHistogram } from '../engine/histogram.ts';
import type { Recorder } from './recorder.ts';
import { nearestRank } from '../engine/nearest-rank.ts';

export interface LatencyStats {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

const r3 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0);
/**
 * To the micro-dollar. One division of a whole number by 1e6 gives the double nearest that decimal,
 * so it prints as written; rounding to 3 decimals and then dividing by 1000 printed
 * 0.052493000000000005.
 */
const usd = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);

/** Percentiles of a histogram of us, reported in ms (under 0.4% relative error). */
export function statsMs(h: LogHistogram): LatencyStats {
  return stats(h, 1000);
}

/** Percentiles of a histogram, values divided by `scale` (under 0.4% relative error). */
function stats(h: LogHistogram, scale: number): LatencyStats {
  const q = (p: number) => r3(h.quantile(p) / scale);
  return {
    count: h.count,
    mean: r3(h.mean / scale),
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    p999: q(0.999),
    max: r3(h.count ? h.max / scale : 0),
  };
}

const MIB_US_PER_GBS = 1024 * 1e6;

/** One start path's entry of `coldStarts.byPath`: times in ms, counters (pages, reads, bytes) as they are. */
export interface PathSummary {
  instances: number;
  startTimeMs: LatencyStats;
  phasesMs: Record<string, LatencyStats>;
  counters?: Record<string, LatencyStats>;
}

/**
 * summary.json (docs/outputs.md). Its key order is the file's. A type, not an interface, so that it
 * is also a Record<string, unknown> for code that walks any summary (metric paths, compare).
 */
export type Summary = {
  scenario: string;
  seed: number;
  toolVersion: string;
  policies: Readonly<Record<string, string>>;
  simulated: { durationS: number; endS: number; events: number };
  invocations: {
    arrivals: number;
    completed: number;
    dropped: { total: number; byReason: Record<string, number> };
    failed: { total: number; byReason: Record<string, number> };
  };
  coldStarts: {
    invocations: number;
    fractionOfCompleted: number;
    /** With platform.reportColdWaits only. */
    waitedForStart?: number;
    waitedForStartFraction?: number;
    instancesStarted: number;
    totalStartTimeS: number;
    byPath: Record<string, PathSummary>;
  };
  prewarm: { started: number; hits: number; misses: number; failedNoRoom: number };
  policyStats: Readonly<Record<string, Record<string, number>>>;
  latencyMs: { endToEnd: LatencyStats; queueing: LatencyStats; execution: LatencyStats; coldInvocationWait: LatencyStats };
  apps: { count: number; withCompletedRequests: number; coldStartPercent: { p50: number; p75: number; p90: number; p99: number } };
  memory: { idleGBs: number; teardowns: Record<string, number> };
  cost: {
    user: { requests: number; billedGBs: number; requestUSD: number; computeUSD: number; totalUSD: number };
    provider: { nodeHours: number; nodeUSD: number; idleGBs: number; idleShareOfHeldMemory: number };
  };
  /** What each trace reader kept and dropped (workload/trace-types.ts TraceReport). */
  traces: readonly unknown[];
  notes: readonly string[];
  /** With workflows in the scenario (workflow-summary.ts). */
  workflows?: WorkflowsSummary;
  /** A divided fleet's cells (cells/merge.ts, docs/scale.md). */
  cells?: CellsSummary;
};

export interface WorkflowSummaryEntry {
  runs: number;
  completed: number;
  failed: Record<string, number>;
  latencyMs: LatencyStats;
  meanTimePerRunMs: { compute: number; transfer: number; queueing: number; coldStartWait: number };
  costPerRunUSD: { compute: number; requests: number; transfer: number; total: number };
}

export interface WorkflowsSummary {
  method: string;
  transferBillUSD: { s3Requests: number; s3Storage: number; cache: number; dataTransfer: number; total: number };
  xdtBufferGBs: number;
  byWorkflow: Record<string, WorkflowSummaryEntry>;
}

export interface CellSummary {
  cell: number;
  nodes: number;
  functions: number;
  apps: number;
  arrivals: number;
  completed: number;
  dropped: number;
  failed: number;
  coldStarts: number;
  events: number;
  endS: number;
}

export interface CellsSummary {
  count: number;
  byCell: CellSummary[];
}

export interface SummaryInputs {
  readonly name: string;
  readonly seed: number;
  readonly toolVersion: string;
  readonly policies: Readonly<Record<string, string>>;
  readonly durationUs: number;
  readonly endUs: number;
  readonly events: number;
  readonly nodes: number;
  /** Every function of the run (only its application is read). */
  readonly functions: readonly { readonly app: string }[];
  readonly recorder: Recorder;
  readonly cost: { perRequestUSD: number; perGBsUSD: number; nodeHourUSD: number };
  readonly notes: readonly string[];
  /** Policy-specific counters (e.g. hybrid decisions, KPA panic entries), by policy kind. */
  readonly policyStats: Readonly<Record<string, Record<string, number>>>;
  /** What each trace reader kept and dropped. */
  readonly traces: readonly unknown[];
  /** Also report requests that waited for any instance start (platform.reportColdWaits). */
  readonly reportColdWaits?: boolean;
}

/** Nearest-rank percentile (p in 0..100) of a sorted array; 0 when it is empty. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : nearestRank(sorted, p / 100);
}

export function buildSummary(x: SummaryInputs): Summary {
  const r = x.recorder;
  const droppedTotal = [...r.dropped.values()].reduce((a, b) => a + b, 0);
  const failedTotal = [...r.failed.values()].reduce((a, b) => a + b, 0);

  // Cold-start percentage per app (functions grouped by app), over apps with completed requests.
  const apps = new Map<string, { cold: number; completed: number }>();
  x.functions.forEach((f, i) => {
    const t = r.functions[i]!;
    const a = apps.get(f.app) ?? { cold: 0, completed: 0 };
    a.cold += t.cold;
    a.completed += t.completed;
    apps.set(f.app, a);
  });
  const appPct = [...apps.values()].filter((a) => a.completed > 0).map((a) => (100 * a.cold) / a.completed);
  appPct.sort((a, b) => a - b);

  const byPath: Record<string, PathSummary> = {};
  for (const [path, p] of [...r.paths.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    // Times in ms; counters (pages, reads, bytes) as they are, under their own key.
    const phases: Record<string, LatencyStats> = {};
    const counters: Record<string, LatencyStats> = {};
    for (const [name, h] of [...p.phases.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (r.counterNames.has(name)) counters[name] = stats(h, 1);
      else phases[name] = statsMs(h);
    }
    byPath[path] = {
      instances: p.count,
      startTimeMs: statsMs(p.startTime),
      phasesMs: phases,
      ...(Object.keys(counters).length > 0 ? { counters } : {}),
    };
  }

  let billedMiBUs = 0;
  for (const t of r.functions) billedMiBUs += t.billedMiBUs;
  const billedGBs = billedMiBUs / MIB_US_PER_GBS;
  const idleGBs = r.idleMiBUs / MIB_US_PER_GBS;
  const nodeHours = (x.nodes * x.endUs) / 3.6e9;
  const requestUSD = r.arrivals * x.cost.perRequestUSD;
  const computeUSD = billedGBs * x.cost.perGBsUSD;

  return {
    scenario: x.name,
    seed: x.seed,
    toolVersion: x.toolVersion,
    policies: x.policies,
    simulated: { durationS: x.durationUs / 1e6, endS: x.endUs / 1e6, events: x.events },
    invocations: {
      arrivals: r.arrivals,
      completed: r.completed,
      dropped: { total: droppedTotal, byReason: Object.fromEntries([...r.dropped.entries()].sort()) },
      failed: { total: failedTotal, byReason: Object.fromEntries([...r.failed.entries()].sort()) },
    },
    coldStarts: {
      invocations: r.coldInvocations,
      fractionOfCompleted: r.completed ? r3(r.coldInvocations / r.completed) : 0,
      ...(x.reportColdWaits ? { waitedForStart: r.waitedForStart, waitedForStartFraction: r.completed ? r3(r.waitedForStart / r.completed) : 0 } : {}),
      instancesStarted: r.instancesStarted,
      totalStartTimeS: r3(r.startTimeSumUs / 1e6),
      byPath,
    },
    prewarm: {
      started: r.prewarmStarted,
      hits: r.prewarmHits,
      misses: r.prewarmMisses,
      failedNoRoom: r.prewarmFailures,
    },
    policyStats: x.policyStats,
    latencyMs: {
      endToEnd: statsMs(r.latency),
      queueing: statsMs(r.wait),
      execution: statsMs(r.execution),
      coldInvocationWait: statsMs(r.coldWait),
    },
    apps: {
      count: apps.size,
      withCompletedRequests: appPct.length,
      coldStartPercent: {
        p50: r3(percentile(appPct, 50)),
        p75: r3(percentile(appPct, 75)),
        p90: r3(percentile(appPct, 90)),
        p99: r3(percentile(appPct, 99)),
      },
    },
    memory: {
      idleGBs: r3(idleGBs),
      teardowns: Object.fromEntries([...r.teardowns.entries()].sort()),
    },
    cost: {
      user: {
        requests: r.arrivals,
        billedGBs: r3(billedGBs),
        requestUSD: usd(requestUSD),
        computeUSD: usd(computeUSD),
        totalUSD: usd(requestUSD + computeUSD),
      },
      provider: {
        nodeHours: r3(nodeHours),
        nodeUSD: r3(nodeHours * x.cost.nodeHourUSD),
        idleGBs: r3(idleGBs),
        idleShareOfHeldMemory: billedGBs + idleGBs > 0 ? r3(idleGBs / (billedGBs + idleGBs)) : 0,
      },
    },
    traces: x.traces,
    notes: x.notes,
  };
}

export const FUNCTION_COLUMNS = [
  'function',
  'app',
  'memory_mib',
  'arrivals',
  'completed',
  'dropped',
  'failed',
  'cold_starts',
  'cold_pct',
  'mean_latency_ms',
  'max_latency_ms',
  'mean_wait_ms',
  'mean_exec_ms',
  'mean_cold_wait_ms',
  'instances_started',
  'idle_gb_s',
  'billed_gb_s',
  'p50_latency_ms',
  'p90_latency_ms',
  'p99_latency_ms',
  'p50_wait_ms',
  'p90_wait_ms',
  'p99_wait_ms',
  'p50_cold_wait_ms',
  'p90_cold_wait_ms',
  'p99_cold_wait_ms',
] as const;

/** p50, p90, p99 of a histogram of us, in ms; empty cells when it holds no value. */
function percentilesMs(h: LogHistogram): (string | number)[] {
  return h.count === 0 ? ['', '', ''] : [0.5, 0.9, 0.99].map((q) => r3(h.quantile(q) / 1000));
}

export function functionRows(functions: readonly Pick<FunctionSpec, 'name' | 'app' | 'memoryMiB'>[], r: Recorder): (string | number)[][] {
  r.flushFunctionHistograms();
  return functions.map((f, i) => {
    const t = r.functions[i]!;
    const c = t.completed;
    return [
      f.name,
      f.app,
      f.memoryMiB,
      t.arrivals,
      c,
      t.dropped,
      t.failed,
      t.cold,
      c ? r3((100 * t.cold) / c) : 0,
      c ? r3(t.latencySumUs / c / 1000) : 0,
      r3(t.latencyMaxUs / 1000),
      c ? r3(t.waitSumUs / c / 1000) : 0,
      c ? r3(t.execSumUs / c / 1000) : 0,
      t.cold ? r3(t.coldStartSumUs / t.cold / 1000) : 0,
      t.instancesStarted,
      r3(t.idleMiBUs / MIB_US_PER_GBS),
      r3(t.billedMiBUs / MIB_US_PER_GBS),
      ...percentilesMs(t.latency),
      ...percentilesMs(t.waitHistogram()),
      ...percentilesMs(t.coldWait),
    ];
  });
}
