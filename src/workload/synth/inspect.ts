// `sim trace inspect`: the shape statistics of any 2019-format trace directory (real or
// synthetic) next to the published targets, read in one streaming pass per file.
import { basename } from 'node:path';
import { readCountFile } from '../azure2019/counts.ts';
import { readDurationFile } from '../azure2019/durations.ts';
import { availableDays, dayFiles } from '../azure2019/files.ts';
import { readMemoryFile } from '../azure2019/memory.ts';
import { InputError } from '../../scenario/errors.ts';
import { TARGETS } from './shape.ts';

export interface TraceStats {
  dir: string;
  days: number[];
  apps: number;
  functions: number;
  invocations: number;
  /** log10(max / min) of daily invocations over functions invoked at least once. */
  popularityOrders: number | null;
  appsAtMostHourly: number | null;
  appsAtMostPerMinute: number | null;
  medianAverageMs: number | null;
  averageUnder100ms: number | null;
  durationRows: number;
  memoryMedianMb: number | null;
  memoryP90Mb: number | null;
  memoryRows: number;
  triggers: Record<string, number>;
  /** Function-days with >= 3 active minutes whose gaps between active minutes have CV <= 0.05. */
  periodicShare: number | null;
  /** Non-periodic function-days with >= 20 invocations, active in < half the minutes a Poisson process would be. */
  burstyShare: number | null;
}

/** Nearest-rank-free linear percentile of an unsorted list (sorted here). */
function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = values.slice().sort((a, b) => a - b);
  const x = q * (s.length - 1);
  const lo = Math.floor(x);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (x - lo) * (s[hi]! - s[lo]!);
}

const share = (k: number, n: number): number | null => (n > 0 ? k / n : null);

export async function inspectTrace(dir: string): Promise<TraceStats> {
  const days = availableDays(dir);
  if (days.length === 0) throw new InputError({ file: dir, message: 'no 2019-format invocation files found' });
  const fnTotals = new Map<string, number>();
  const appTotals = new Map<string, number>();
  const triggerOf = new Map<string, string>();
  let periodic = 0, periodicEligible = 0, bursty = 0, burstyEligible = 0;
  const averages = new Map<string, number>();
  const memory = new Map<string, number>();
  for (const day of days) {
    const files = dayFiles(dir, day);
    await readCountFile(files.invocations, (r) => {
      const fk = `${r.owner}\u0000${r.app}\u0000${r.func}`;
      const ak = `${r.owner}\u0000${r.app}`;
      fnTotals.set(fk, (fnTotals.get(fk) ?? 0) + r.total);
      appTotals.set(ak, (appTotals.get(ak) ?? 0) + r.total);
      if (!triggerOf.has(fk)) triggerOf.set(fk, r.trigger);
      const c = r.counts;
      let active = 0, prev = -1, gaps = 0, gapSum = 0, gapSq = 0;
      for (let m = 0; m < 1440; m++) {
        if (c[m]! > 0) {
          active++;
          if (prev >= 0) {
            const g = m - prev;
            gaps++;
            gapSum += g;
            gapSq += g * g;
          }
          prev = m;
        }
      }
      let isPeriodic = false;
      if (active >= 3) {
        periodicEligible++;
        const mean = gapSum / gaps;
        const sd = Math.sqrt(Math.max(0, gapSq / gaps - mean * mean));
        isPeriodic = sd / mean <= 0.05;
        if (isPeriodic) periodic++;
      }
      if (r.total >= 20) {
        burstyEligible++;
        if (!isPeriodic && active < 0.5 * 1440 * (1 - Math.exp(-r.total / 1440))) bursty++;
      }
    });
    if (files.durations) {
      await readDurationFile(files.durations, (r) => {
        const k = `${r.owner}\u0000${r.app}\u0000${r.func}`;
        if (r.averageMs > 0 && !averages.has(k)) averages.set(k, r.averageMs);
      });
    }
    if (files.memory) {
      await readMemoryFile(files.memory, (r) => {
        const k = `${r.owner}\u0000${r.app}\u0000${r.func ?? ''}`;
        if (r.averageMb > 0 && !memory.has(k)) memory.set(k, r.averageMb);
      });
    }
  }
  const nDays = days.length;
  const daily = [...fnTotals.values()].filter((t) => t > 0).map((t) => t / nDays);
  let lo = Infinity, hi = 0;
  for (const v of daily) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  let hourly = 0, perMinute = 0;
  for (const t of appTotals.values()) {
    if (t / (24 * nDays) <= 1) hourly++;
    if (t / (1440 * nDays) <= 1) perMinute++;
  }
  const avgs = [...averages.values()];
  const mems = [...memory.values()];
  const triggers: Record<string, number> = {};
  for (const t of triggerOf.values()) triggers[t] = (triggers[t] ?? 0) + 1;
  for (const t of Object.keys(triggers)) triggers[t] = triggers[t]! / triggerOf.size;
  return {
    dir,
    days,
    apps: appTotals.size,
    functions: fnTotals.size,
    invocations: [...fnTotals.values()].reduce((a, b) => a + b, 0),
    popularityOrders: daily.length > 0 ? Math.log10(hi / lo) : null,
    appsAtMostHourly: share(hourly, appTotals.size),
    appsAtMostPerMinute: share(perMinute, appTotals.size),
    medianAverageMs: quantile(avgs, 0.5),
    averageUnder100ms: share(avgs.filter((a) => a < 100).length, avgs.length),
    durationRows: avgs.length,
    memoryMedianMb: quantile(mems, 0.5),
    memoryP90Mb: quantile(mems, 0.9),
    memoryRows: mems.length,
    triggers,
    periodicShare: share(periodic, periodicEligible),
    burstyShare: share(bursty, burstyEligible),
  };
}

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const fix = (x: number | null, d = 1): string => (x === null ? 'n/a' : x.toFixed(d));

/** A plain-text table: statistic, this trace, published target. */
export function formatStats(s: TraceStats): string {
  const rows: Array<[string, string, string]> = [
    ['apps', String(s.apps), ''],
    ['functions', String(s.functions), ''],
    ['days', s.days.join(','), ''],
    ['invocations', String(s.invocations), ''],
    ['popularity span (orders of magnitude)', fix(s.popularityOrders), `~${TARGETS.popularityOrders}`],
    ['apps invoked <= 1/hour on average', pct(s.appsAtMostHourly), pct(TARGETS.appsAtMostHourly)],
    ['apps invoked <= 1/minute on average', pct(s.appsAtMostPerMinute), pct(TARGETS.appsAtMostPerMinute)],
    ['median of function average durations (ms)', fix(s.medianAverageMs), `~${TARGETS.medianAverageMs}`],
    ['function averages under 100 ms', pct(s.averageUnder100ms), pct(TARGETS.averageUnder100ms)],
    ['app memory median (MB)', fix(s.memoryMedianMb, 0), String(TARGETS.memoryMedianMb)],
    ['app memory p90 (MB)', fix(s.memoryP90Mb, 0), String(TARGETS.memoryP90Mb)],
  ];
  const known = Object.keys(TARGETS.triggers).filter((t) => t !== 'others');
  for (const t of known) rows.push([`trigger ${t}`, pct(s.triggers[t] ?? 0), pct(TARGETS.triggers[t]!)]);
  const others = Object.entries(s.triggers).filter(([t]) => !known.includes(t)).reduce((a, [, v]) => a + v, 0);
  rows.push(['trigger others', pct(others), pct(TARGETS.triggers['others']!)]);
  rows.push(['periodic function-days (gap CV <= 0.05)', pct(s.periodicShare), 'present']);
  rows.push(['bursty function-days', pct(s.burstyShare), 'present']);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length), 'trace'.length);
  const head = `${'statistic'.padEnd(w0)}  ${'trace'.padStart(w1)}  target`;
  return [`trace: ${basename(s.dir)} (${s.dir})`, head, ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`)].join('\n');
}
