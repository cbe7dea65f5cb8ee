// A seeded Azure-like population of apps and functions (shape of Shahrad et al., ATC 2020):
// log-normal app popularity split unevenly among the app's functions, the released trigger mix,
// periodic timers, diurnal and on/off (bursty) arrival processes, log-normal durations and memory.
import type { RandomStream } from '../../engine/random.ts';
import { RandomStreams } from '../../engine/random.ts';
import { normal } from './poisson.ts';
import { APP_MEMORY, APP_RATE, AVG_DURATION, BURSTY_SHARE, FUNCS_PER_APP, TIMER_PERIODS, TRIGGER_MIX } from './shape.ts';

export interface SynthOptions {
  functions: number;
  days: number;
  seed: number | string;
  /** Number of apps; default: drawn from the functions-per-app distribution. */
  apps?: number;
}

export interface SynthApp {
  owner: string;
  hash: string;
  /** AverageAllocatedMb and the log-spread of its percentiles. */
  memoryMb: number;
  memorySpread: number;
  /** Functions [first, first + count). */
  first: number;
  count: number;
}

export type Pattern = 'periodic' | 'poisson' | 'bursty';

export interface SynthFunction {
  app: number;
  hash: string;
  trigger: string;
  dailyRate: number;
  pattern: Pattern;
  /** periodic: period and phase in minutes; count per firing. */
  period: number;
  phase: number;
  perFiring: number;
  /** poisson/bursty: diurnal amplitude and peak minute; bursty: on-fraction and mean on-length. */
  amplitude: number;
  peak: number;
  onFraction: number;
  meanOn: number;
  averageMs: number;
  durationSpread: number;
}

export interface SynthModel {
  opts: SynthOptions;
  apps: SynthApp[];
  functions: SynthFunction[];
  rng: RandomStreams;
}

export function hex64(rng: RandomStream): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += Math.floor(rng.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return s;
}

function pick<T>(table: ReadonlyArray<readonly [T, number, ...unknown[]]>, u: number): readonly [T, number, ...unknown[]] {
  let acc = 0;
  for (const row of table) {
    acc += row[1];
    if (u < acc) return row;
  }
  return table[table.length - 1]!;
}

function drawAppSize(rng: RandomStream): number {
  const u = rng.next();
  let acc = 0;
  let row = FUNCS_PER_APP[FUNCS_PER_APP.length - 1]!;
  for (const r of FUNCS_PER_APP) {
    acc += r[0];
    if (u < acc) {
      row = r;
      break;
    }
  }
  const [, lo, hi] = row;
  return lo === hi ? lo : Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))));
}

/** App sizes summing to `functions`; with `apps` given, sizes are scaled by largest remainder. */
function appSizes(opts: SynthOptions, rng: RandomStream): number[] {
  if (opts.apps === undefined) {
    const sizes: number[] = [];
    let left = opts.functions;
    while (left > 0) {
      const s = Math.min(left, drawAppSize(rng));
      sizes.push(s);
      left -= s;
    }
    return sizes;
  }
  const a = opts.apps;
  const raw = Array.from({ length: a }, () => drawAppSize(rng));
  const extra = opts.functions - a; // every app has one function; share the rest by raw size - 1
  const weights = raw.map((s) => s - 1);
  const wsum = weights.reduce((x, y) => x + y, 0);
  const ideal = weights.map((w) => (wsum > 0 ? (w / wsum) * extra : extra / a));
  const sizes = ideal.map((x) => 1 + Math.floor(x));
  let left = opts.functions - sizes.reduce((x, y) => x + y, 0);
  const order = ideal.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % a, left--) sizes[order[k]![1]]!++;
  return sizes;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export function buildModel(opts: SynthOptions): SynthModel {
  if (!(Number.isInteger(opts.functions) && opts.functions >= 1)) throw new RangeError(`functions must be a positive integer, got ${opts.functions}`);
  if (!(Number.isInteger(opts.days) && opts.days >= 1 && opts.days <= 99)) throw new RangeError(`days must be an integer in 1..99, got ${opts.days}`);
  if (opts.apps !== undefined && !(Number.isInteger(opts.apps) && opts.apps >= 1 && opts.apps <= opts.functions)) {
    throw new RangeError(`apps must be an integer in 1..functions, got ${opts.apps}`);
  }
  const rng = new RandomStreams(opts.seed);
  const sizes = appSizes(opts, rng.stream('synth/apps'));
  const apps: SynthApp[] = [];
  const functions: SynthFunction[] = [];
  let owner = '';
  sizes.forEach((size, a) => {
    const r = rng.stream(`synth/app/${a}`);
    // A quarter of apps share the previous app's owner, as owners often deploy several apps.
    if (a === 0 || r.next() >= 0.25) owner = hex64(r);
    const hash = hex64(r);
    const log10Rate = clamp(APP_RATE.mu + APP_RATE.sigma * normal(r), APP_RATE.minLog10, APP_RATE.maxLog10);
    const appRate = 10 ** log10Rate;
    apps.push({
      owner,
      hash,
      memoryMb: clamp(APP_MEMORY.medianMb * Math.exp(APP_MEMORY.sigma * normal(r)), APP_MEMORY.minMb, APP_MEMORY.maxMb),
      memorySpread: 0.02 + 0.23 * r.next(),
      first: functions.length,
      count: size,
    });
    // Uneven split (log-normal weights, sigma 1): one or two functions usually carry most of an app's invocations.
    const weights = Array.from({ length: size }, () => Math.exp(1.0 * normal(r)));
    const wsum = weights.reduce((x, y) => x + y, 0);
    for (let j = 0; j < size; j++) functions.push(makeFunction(a, appRate * (weights[j]! / wsum), rng.stream(`synth/fn/${functions.length}`)));
  });
  return { opts, apps, functions, rng };
}

function makeFunction(app: number, dailyRate: number, r: RandomStream): SynthFunction {
  const hash = hex64(r);
  const trigger = pick(TRIGGER_MIX, r.next())[0];
  const f: SynthFunction = {
    app, hash, trigger, dailyRate, pattern: 'poisson',
    period: 1, phase: 0, perFiring: 1,
    amplitude: 0, peak: 840, onFraction: 1, meanOn: 1,
    averageMs: clamp(AVG_DURATION.medianMs * Math.exp(AVG_DURATION.sigma * normal(r)), AVG_DURATION.minMs, AVG_DURATION.maxMs),
    durationSpread: 0.2 + r.next(),
  };
  if (trigger === 'timer') {
    f.pattern = 'periodic';
    if (dailyRate >= 1440) {
      f.perFiring = Math.round(dailyRate / 1440);
    } else {
      const ideal = Math.log(1440 / Math.max(1, dailyRate));
      f.period = TIMER_PERIODS.reduce((b, p) => (Math.abs(Math.log(p) - ideal) < Math.abs(Math.log(b) - ideal) ? p : b));
      f.phase = Math.floor(r.next() * f.period);
    }
    return f;
  }
  // Most activity in the (UTC) afternoon; each function's peak scattered by about 1.5 hours.
  f.peak = 840 + 90 * normal(r);
  const quiet = trigger === 'queue' || trigger === 'orchestration' || trigger === 'storage';
  f.amplitude = (quiet ? 0.3 : 0.6) * r.next();
  if (r.next() < (BURSTY_SHARE[trigger] ?? 0.3)) {
    f.pattern = 'bursty';
    f.onFraction = 0.05 + 0.25 * r.next();
    f.meanOn = 3 + 27 * r.next();
  }
  return f;
}
