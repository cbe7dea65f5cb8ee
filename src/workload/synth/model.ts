// A seeded Azure-like population of apps and functions (shape of Shahrad et al., ATC 2020), drawn
// jointly: log-normal app popularity split unevenly among the app's functions; triggers drawn by
// popularity tier (busy functions are queue-, event- and http-triggered, timers are slow); average
// durations anti-correlated with popularity; per-execution spread giving the minimum and maximum;
// periodic timers, diurnal and on/off (bursty) arrival processes; app average and maximum memory.
import type { RandomStream } from '../../engine/random.ts';
import { RandomStreams } from '../../engine/random.ts';
import { normal } from './poisson.ts';
import { normalQuantile } from './normal-quantile.ts';
import {
  APP_RATE,
  AVG_DURATION,
  DIURNAL,
  MAX_BUSY,
  WEEKEND,
  BURSTY_SHARE,
  BUSY_OTHERS,
  drawAppMemory,
  EXECUTION_SPREAD,
  FUNCS_PER_APP,
  MIDDLE_MIX,
  TARGETS,
  TIERS,
  TIMER_PERIODS,
  TRIGGER_MIX,
} from './shape.ts';

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
  /** AverageAllocatedMb and AverageAllocatedMb_pct100. */
  memoryMb: number;
  maximumMb: number;
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
  /** Rate multiplier on weekend days (days 6 and 7 of each week; timers: 1). */
  weekend: number;
  averageMs: number;
  /** Sigma of ln(single execution time) around the function's median. */
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
  for (let i = 0; i < 8; i++)
    s += Math.floor(rng.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return s;
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
  const popularity = shuffledQuantiles(sizes.length, rng.stream('synth/app-popularity'));
  const apps: SynthApp[] = [];
  const rates: number[] = [];
  const appOf: number[] = [];
  let owner = '';
  sizes.forEach((size, a) => {
    const r = rng.stream(`synth/app/${a}`);
    // A quarter of apps share the previous app's owner, as owners often deploy several apps.
    if (a === 0 || r.next() >= 0.25) owner = hex64(r);
    const hash = hex64(r);
    const log10Rate = clamp(APP_RATE.mu + APP_RATE.sigma * popularity[a]!, APP_RATE.minLog10, APP_RATE.maxLog10);
    const appRate = 10 ** log10Rate;
    const mem = drawAppMemory(r);
    apps.push({ owner, hash, memoryMb: mem.averageMb, maximumMb: mem.maximumMb, first: rates.length, count: size });
    // Uneven split (log-normal weights, sigma 1): one or two functions usually carry most of an app's invocations.
    const weights = Array.from({ length: size }, () => Math.exp(1.0 * normal(r)));
    const wsum = weights.reduce((x, y) => x + y, 0);
    for (let j = 0; j < size; j++) {
      rates.push(appRate * (weights[j]! / wsum));
      appOf.push(a);
    }
  });
  const triggers = drawTriggers(rates, rng.stream('synth/triggers'));
  const z = popularityScores(rates);
  const e = stratifiedNoise(rates, rng.stream('synth/duration-noise'));
  const functions = rates.map((rate, i) => makeFunction(appOf[i]!, rate, triggers[i]!, z[i]!, e[i]!, rng.stream(`synth/fn/${i}`)));
  return { opts, apps, functions, rng };
}

/**
 * Normal scores of the popularity ranks (ties by index), exactly standard normal whatever the rate
 * law. Scored separately among functions invoked at least once a day on average and among the
 * rarer ones: the published duration statistics are of functions that ran in a day, so the
 * duration law's marginal must hold among those (with one ranking, the rare third, all long,
 * would be missing from the files and the median average would fall to ~0.75 s).
 */
function popularityScores(rates: readonly number[]): Float64Array {
  const z = new Float64Array(rates.length);
  for (const active of [true, false]) {
    const group = rates.map((_, i) => i).filter((i) => rates[i]! >= 1 === active);
    group.sort((a, b) => rates[a]! - rates[b]! || a - b);
    group.forEach((i, rank) => (z[i] = normalQuantile((rank + 0.5) / group.length)));
  }
  return z;
}

/**
 * n standard normal draws by Latin hypercube sampling: the normal quantiles at (k + 0.5) / n in a
 * random order. The app popularities: same log-normal marginal as independent draws, but the
 * handful of apps that carry most invocations are the same size in every seed (independent draws
 * made a 10,000-function day's invocations vary 3-fold between seeds).
 */
function shuffledQuantiles(n: number, r: RandomStream): Float64Array {
  const q = new Float64Array(n);
  for (let k = 0; k < n; k++) q[k] = normalQuantile((k + 0.5) / n);
  shuffle(q, r);
  return q;
}

function shuffle(q: Float64Array | number[], r: RandomStream): void {
  for (let k = q.length - 1; k > 0; k--) {
    const j = Math.floor(r.next() * (k + 1));
    const t = q[k]!;
    q[k] = q[j]!;
    q[j] = t;
  }
}

/**
 * The duration noise, stratified by popularity: functions in popularity order form blocks of
 * NOISE_BLOCK, and each block takes the normal quantiles at (k + 0.5) / size in a random order
 * (Latin hypercube sampling within strata). The marginal stays standard normal, but every
 * popularity stratum gets the whole spread of durations: the load of a trace (rate x duration)
 * hangs on the few hundred popular functions, and independent draws made it vary 10-fold between
 * seeds (issue 20).
 */
function stratifiedNoise(rates: readonly number[], r: RandomStream): Float64Array {
  const order = rates.map((_, i) => i).sort((a, b) => rates[b]! - rates[a]! || a - b);
  const out = new Float64Array(rates.length);
  for (let start = 0; start < order.length; start += NOISE_BLOCK) {
    const size = Math.min(NOISE_BLOCK, order.length - start);
    const q = Array.from({ length: size }, (_, k) => normalQuantile((k + 0.5) / size));
    shuffle(q, r);
    for (let k = 0; k < size; k++) out[order[start + k]!] = q[k]!;
  }
  return out;
}

/** Functions per stratum of the duration noise. */
const NOISE_BLOCK = 100;

function drawFrom(mix: Readonly<Record<string, number>>, u: number): string {
  const keys = Object.keys(mix).sort();
  const total = keys.reduce((s, k) => s + mix[k]!, 0);
  let acc = 0;
  for (const k of keys) {
    acc += mix[k]! / total;
    if (u < acc) return k;
  }
  return keys[keys.length - 1]!;
}

/**
 * Triggers by popularity tier (shape.ts TIERS). Busy functions, in falling popularity, each take a
 * trigger with probability in proportion to how far that trigger still is from its published share
 * of all invocations, among the triggers with room for the whole function, else the trigger with
 * the most room (a balanced draw: a handful of functions carry most invocations, so independent
 * draws would put any trigger anywhere from 0 to 60%). The least popular tier gets what the
 * function shares still need.
 */
function drawTriggers(rates: readonly number[], r: RandomStream): string[] {
  const n = rates.length;
  const out: string[] = new Array<string>(n);
  const total = rates.reduce((s, x) => s + x, 0);
  const mass: Record<string, number> = {};
  const count: Record<string, number> = {};
  const take = (i: number, t: string): void => {
    out[i] = t;
    mass[t] = (mass[t] ?? 0) + rates[i]!;
    count[t] = (count[t] ?? 0) + 1;
  };
  const busy: number[] = [],
    low: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rates[i]! > TIERS.busy) busy.push(i);
    else if (rates[i]! > TIERS.minute) take(i, drawFrom(MIDDLE_MIX, r.next()));
    else low.push(i);
  }
  const inv = TARGETS.invocations;
  const othersFn = Object.values(BUSY_OTHERS).reduce((s, x) => s + x, 0);
  const share: Record<string, number> = { http: inv['http']!, queue: inv['queue']!, event: inv['event']! };
  for (const [k, w] of Object.entries(BUSY_OTHERS)) share[k] = (inv['others']! * w) / othersFn;
  const kinds = Object.keys(share).sort();
  busy.sort((a, b) => rates[b]! - rates[a]! || a - b);
  for (const i of busy) {
    const m = rates[i]!;
    const room = kinds.map((k) => share[k]! * total - (mass[k] ?? 0));
    const fits = room.map((x) => (x >= m ? x : 0));
    if (fits.some((x) => x > 0)) {
      take(i, drawFrom(Object.fromEntries(kinds.map((k, j) => [k, fits[j]!])), r.next()));
    } else {
      // Too big for any trigger's remaining share (one function can carry 40% of a day): the largest room.
      take(i, kinds[room.indexOf(Math.max(...room))]!);
    }
  }
  const need: Record<string, number> = {};
  for (const [k, w] of TRIGGER_MIX) need[k] = Math.max(0, w * n - (count[k] ?? 0));
  if (Object.values(need).every((x) => x === 0)) for (const [k, w] of TRIGGER_MIX) need[k] = w;
  for (const i of low) take(i, drawFrom(need, r.next()));
  return out;
}

function makeFunction(app: number, dailyRate: number, trigger: string, z: number, e: number, r: RandomStream): SynthFunction {
  const hash = hex64(r);
  const rho = AVG_DURATION.rho;
  const lnAvg = Math.log(AVG_DURATION.medianMs) + AVG_DURATION.sigma * (rho * z + Math.sqrt(1 - rho * rho) * e);
  const f: SynthFunction = {
    app,
    hash,
    trigger,
    dailyRate,
    pattern: 'poisson',
    period: 1,
    phase: 0,
    perFiring: 1,
    amplitude: 0,
    peak: 840,
    onFraction: 1,
    meanOn: 1,
    weekend: 1,
    // Little's law: the executions in flight at once (rate x average) stay within the scale-out limit.
    averageMs: clamp(Math.exp(lnAvg), AVG_DURATION.minMs, Math.min(AVG_DURATION.maxMs, (MAX_BUSY * 86_400_000) / Math.max(dailyRate, 1))),
    durationSpread: EXECUTION_SPREAD.lo + (EXECUTION_SPREAD.hi - EXECUTION_SPREAD.lo) * r.next(),
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
  f.amplitude = DIURNAL.lo + (DIURNAL.hi - DIURNAL.lo) * r.next();
  // On/off bursts only below the busy tier: busy functions carry the aggregate, whose published
  // curve is a smooth daily swing (shape.ts DIURNAL).
  const bursty = r.next() < (BURSTY_SHARE[trigger] ?? 0.3);
  if (bursty && dailyRate <= TIERS.busy) {
    f.pattern = 'bursty';
    f.onFraction = 0.05 + 0.25 * r.next();
    f.meanOn = 3 + 27 * r.next();
  }
  f.weekend = WEEKEND.lo + (WEEKEND.hi - WEEKEND.lo) * r.next();
  return f;
}
