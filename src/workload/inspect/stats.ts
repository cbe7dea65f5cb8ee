// The statistics `sim trace inspect` prints, computed from an inspect table, and their verdicts
// against the targets file (a statistic the format cannot give is 'n/a', never a failure).
import { FUNCTION_TRIGGERS, INVOCATION_TRIGGERS, TARGETS, type StatKey, type Target } from './targets.ts';
import type { TraceTable } from './table.ts';

export interface TraceStats {
  source: string;
  format: TraceTable['format'];
  days: number[];
  spanMinutes: number;
  apps: number;
  functions: number;
  invocations: number;
  /** Little's law: sum over functions of rate (1/s) x average duration (s). */
  meanBusyInstances: number | null;
  /** Per-invocation duration percentiles (ms). */
  invocationPercentilesMs: Record<'p50' | 'p90' | 'p99' | 'max', number> | null;
  /** Each target's statistic; null where the trace cannot give it. */
  values: Partial<Record<StatKey, number | null>>;
}

export interface Verdict {
  target: Target;
  value: number | null;
  /** null: not measurable on this trace. */
  pass: boolean | null;
}

/** Linear percentile (NumPy's default) of an ascending array. */
function quantileSorted(s: ArrayLike<number>, q: number): number | null {
  if (s.length === 0) return null;
  const x = q * (s.length - 1);
  const lo = Math.floor(x);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (x - lo) * (s[hi]! - s[lo]!);
}
const quantile = (values: number[], q: number): number | null => quantileSorted(Float64Array.from(values).sort(), q);
const share = (k: number, n: number): number | null => (n > 0 ? k / n : null);

/** Average ranks (ties share their mean rank). */
function ranks(v: readonly number[]): Float64Array {
  const order = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]!);
  const r = new Float64Array(v.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && v[order[j + 1]!] === v[order[i]!]) j++;
    for (let k = i; k <= j; k++) r[order[k]!] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation; null with fewer than 3 pairs or no spread. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 3) return null;
  const rx = ranks(x),
    ry = ranks(y);
  const m = (n - 1) / 2;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i]! - m,
      b = ry[i]! - m;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Weighted percentile of (value, weight) points: the smallest value whose cumulative weight reaches q. */
function weightedQuantiles(p: TraceTable['durationPoints'], qs: number[]): number[] | null {
  if (p.length === 0) return null;
  const order = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p.ms[a]! - p.ms[b]!);
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p.weight[i]!;
  if (!(total > 0)) return null;
  return qs.map((q) => {
    let acc = 0;
    for (const i of order) {
      acc += p.weight[i]!;
      if (acc >= q * total) return p.ms[i]!;
    }
    return p.ms[order[order.length - 1]!]!;
  });
}

const otherTrigger = (t: string, named: readonly string[]): string => (named.includes(t) ? t : 'others');

export function computeStats(t: TraceTable): TraceStats {
  const fns = t.functions;
  const invocations = fns.reduce((s, f) => s + f.invocations, 0);
  const days = t.spanMinutes / 1440;
  const v: Partial<Record<StatKey, number | null>> = {};

  const daily = fns.filter((f) => f.invocations > 0).map((f) => f.invocations / days);
  let lo = Infinity,
    hi = 0;
  for (const d of daily) {
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  v.popularityOrders = daily.length > 0 ? Math.log10(hi / lo) : null;
  let hourly = 0,
    perMinute = 0;
  for (const n of t.apps.values()) {
    if (n / (24 * days) <= 1) hourly++;
    if (n / (1440 * days) <= 1) perMinute++;
  }
  v.appsAtMostHourly = share(hourly, t.apps.size);
  v.appsAtMostPerMinute = share(perMinute, t.apps.size);

  const withAvg = fns.filter((f) => f.averageMs !== null && f.invocations > 0);
  const avgs = withAvg.map((f) => f.averageMs!);
  v.medianAverageMs = quantile(avgs, 0.5);
  v.averageUnder100ms = share(avgs.filter((a) => a < 100).length, avgs.length);
  const maxs = withAvg.filter((f) => f.maximumMs !== null).map((f) => f.maximumMs!);
  const mins = withAvg.filter((f) => f.minimumMs !== null).map((f) => f.minimumMs!);
  v.medianMaximumMs = quantile(maxs, 0.5);
  v.maximumUnder10s = share(maxs.filter((m) => m < 10_000).length, maxs.length);
  v.medianMinimumMs = quantile(mins, 0.5);
  v.durationPopularityRank = spearman(
    withAvg.map((f) => f.invocations),
    avgs,
  );

  const q = weightedQuantiles(t.durationPoints, [0.5, 0.9, 0.99, 1]);
  v.invocationMedianMs = q ? q[0]! : null;
  v.invocationP99Ms = q ? q[2]! : null;

  const avgMem = t.memory.map((m) => m.averageMb),
    maxMem = t.memory.map((m) => m.maximumMb);
  v.appAverageMemoryP90Mb = quantile(avgMem, 0.9);
  v.appMaximumMemoryMedianMb = quantile(maxMem, 0.5);
  v.appMaximumMemoryP90Mb = quantile(maxMem, 0.9);

  const hasTriggers = fns.some((f) => f.trigger !== null);
  const timers = fns.filter((f) => f.trigger === 'timer' && f.invocations > 0);
  v.timersAtMostPerMinute = hasTriggers ? share(timers.filter((f) => f.perMinute <= 1).length, timers.length) : null;
  const fnShare: Record<string, number> = {},
    invShare: Record<string, number> = {};
  for (const f of fns) {
    if (f.trigger === null) continue;
    const a = otherTrigger(f.trigger, FUNCTION_TRIGGERS),
      b = otherTrigger(f.trigger, INVOCATION_TRIGGERS);
    fnShare[a] = (fnShare[a] ?? 0) + 1;
    invShare[b] = (invShare[b] ?? 0) + f.invocations;
  }
  for (const k of [...FUNCTION_TRIGGERS, 'others']) v[`functionShare:${k}`] = hasTriggers ? share(fnShare[k] ?? 0, fns.length) : null;
  for (const k of [...INVOCATION_TRIGGERS, 'others']) v[`invocationShare:${k}`] = hasTriggers ? share(invShare[k] ?? 0, invocations) : null;
  const week = weekPattern(t.hourly);
  v.diurnalTroughToPeak = week.swing;
  v.weekendToWeekday = week.weekend;
  v.periodicShare = t.periodic ? share(t.periodic[0], t.periodic[1]) : null;
  v.burstyShare = t.bursty ? share(t.bursty[0], t.bursty[1]) : null;

  let busy = 0;
  for (const f of withAvg) busy += (f.invocations / (t.spanMinutes * 60)) * (f.averageMs! / 1000);
  return {
    source: t.source,
    format: t.format,
    days: t.days,
    spanMinutes: t.spanMinutes,
    apps: t.apps.size,
    functions: fns.length,
    invocations,
    meanBusyInstances: withAvg.length > 0 ? busy : null,
    invocationPercentilesMs: q ? { p50: q[0]!, p90: q[1]!, p99: q[2]!, max: q[3]! } : null,
    values: v,
  };
}

/** Day 1 of the published 2019 trace is taken as a Monday (an assumption): days 6 and 7 of each week are the weekend. */
const isWeekend = (day0: number): boolean => day0 % 7 >= 5;

/**
 * Mean over whole days with invocations of (quietest hour / busiest hour), and mean weekend-day
 * over mean weekday invocations (null unless both kinds of day are present).
 */
function weekPattern(hourly: Float64Array | null): { swing: number | null; weekend: number | null } {
  if (!hourly) return { swing: null, weekend: null };
  let swingSum = 0,
    swingDays = 0,
    we = 0,
    weDays = 0,
    wd = 0,
    wdDays = 0;
  for (let d = 0; d * 24 < hourly.length; d++) {
    let lo = Infinity,
      hi = 0,
      total = 0;
    for (let h = 0; h < 24; h++) {
      const x = hourly[d * 24 + h]!;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      total += x;
    }
    if (!(total > 0)) continue;
    swingSum += lo / hi;
    swingDays++;
    if (isWeekend(d)) {
      we += total;
      weDays++;
    } else {
      wd += total;
      wdDays++;
    }
  }
  return { swing: swingDays > 0 ? swingSum / swingDays : null, weekend: weDays > 0 && wdDays > 0 ? we / weDays / (wd / wdDays) : null };
}

export function verdicts(s: TraceStats): Verdict[] {
  return TARGETS.map((target) => {
    const value = s.values[target.key] ?? null;
    return { target, value, pass: value === null ? null : value >= target.lo && value <= target.hi };
  });
}
