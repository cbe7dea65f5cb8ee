// The hybrid histogram keep-alive policy of "Serverless in the Wild" (Shahrad et al., ATC'20,
// section 4.2): a per-app histogram of idle times (ITs) sets a pre-warm window (head percentile
// minus a margin) and a keep-alive window (tail percentile plus a margin); an unclear pattern
// falls back to a fixed keep-alive of the histogram range; mostly out-of-range ITs fall back to a
// forecast of the next IT.
import type { FunctionView, InstanceView } from '../../model/views.ts';
import type { KeepAlivePolicy } from '../../model/policy-interfaces.ts';

export interface HybridParams {
  readonly rangeUs: number;
  readonly binUs: number;
  /** Head and tail percentiles (0-100). */
  readonly head: number;
  readonly tail: number;
  /** Safety margin as a fraction (0.1 = 10%). */
  readonly margin: number;
  /** Bin-count coefficient of variation below which the pattern counts as unclear. */
  readonly cv: number;
  /** Share of out-of-range ITs above which the forecaster is used. */
  readonly oob: number;
  /** Canonical text of the parameters, for the policy name. */
  readonly text: string;
}

/** Windows for one app after an invocation: pre-warm delay and keep-alive length (us). */
interface Windows {
  prewarm: number;
  keepAlive: number;
}

class AppHistory {
  readonly bins: Uint32Array;
  inRange = 0;
  outOfRange = 0;
  /** Exponentially smoothed out-of-range IT (us), the forecaster's state. */
  forecast = 0;
  /** End of the last execution, or -1 while a request is in progress / before the first. */
  lastEnd = -1;
  windows: Windows;

  constructor(nBins: number, fallback: Windows) {
    this.bins = new Uint32Array(nBins);
    this.windows = fallback;
  }
}

/** Smoothing weight of the newest out-of-range IT in the forecast. */
const FORECAST_ALPHA = 0.5;

export class HybridHistogramKeepAlive implements KeepAlivePolicy {
  readonly name: string;
  private readonly apps = new Map<string, AppHistory>();
  private readonly nBins: number;
  readonly decisions = { histogram: 0, uncertain: 0, forecast: 0, prewarmPlanned: 0 };

  constructor(readonly p: HybridParams) {
    if (!(p.binUs > 0 && p.rangeUs >= p.binUs)) throw new Error('hybrid: need 0 < bin <= range');
    if (!(p.head >= 0 && p.head < p.tail && p.tail <= 100)) throw new Error('hybrid: need 0 <= head < tail <= 100');
    this.nBins = Math.ceil(p.rangeUs / p.binUs);
    this.name = `hybrid(${p.text})`;
  }

  private app(fn: FunctionView): AppHistory {
    let a = this.apps.get(fn.app);
    if (!a) {
      a = new AppHistory(this.nBins, { prewarm: 0, keepAlive: this.p.rangeUs });
      this.apps.set(fn.app, a);
    }
    return a;
  }

  onArrival(fn: FunctionView, now: number): void {
    const a = this.app(fn);
    if (a.lastEnd < 0) return;
    const it = now - a.lastEnd;
    a.lastEnd = -1;
    if (it < this.p.rangeUs) {
      a.bins[Math.floor(it / this.p.binUs)]!++;
      a.inRange++;
    } else {
      a.outOfRange++;
      a.forecast = a.forecast === 0 ? it : FORECAST_ALPHA * it + (1 - FORECAST_ALPHA) * a.forecast;
    }
    a.windows = this.decide(a);
  }

  private decide(a: AppHistory): Windows {
    const p = this.p;
    const total = a.inRange + a.outOfRange;
    if (total > 0 && a.outOfRange / total > p.oob) {
      // Mostly longer than the range: pre-warm shortly before the forecast IT.
      this.decisions.forecast++;
      const prewarm = a.forecast * (1 - p.margin);
      return { prewarm, keepAlive: 2 * p.margin * a.forecast };
    }
    if (a.inRange === 0 || binCv(a.bins) < p.cv) {
      this.decisions.uncertain++;
      return { prewarm: 0, keepAlive: p.rangeUs };
    }
    this.decisions.histogram++;
    const headBin = percentileBin(a.bins, a.inRange, p.head);
    const tailBin = percentileBin(a.bins, a.inRange, p.tail);
    const prewarm = Math.floor(headBin * p.binUs * (1 - p.margin));
    const end = Math.ceil((tailBin + 1) * p.binUs * (1 + p.margin));
    return { prewarm, keepAlive: Math.max(p.binUs, end - prewarm) };
  }

  idleTimeout(inst: InstanceView, fn: FunctionView, now: number): number {
    const a = this.app(fn);
    const w = a.windows;
    if (inst.prewarmed && inst.served === 0) {
      // A pre-warmed instance waits out the keep-alive window from when it was loaded.
      return Math.max(1, w.keepAlive - (now - inst.startedAt));
    }
    if (inst.served === 0) return w.keepAlive; // never ran anything: no execution ended here
    a.lastEnd = now;
    if (w.prewarm > 0) {
      this.decisions.prewarmPlanned++;
      return 0; // unload now, pre-warm later (prewarmAfter)
    }
    return w.keepAlive;
  }

  prewarmAfter(fn: FunctionView): number {
    const w = this.app(fn).windows;
    return w.prewarm > 0 ? w.prewarm : -1;
  }

  stats(): Record<string, number> {
    return { ...this.decisions, apps: this.apps.size };
  }
}

/** Coefficient of variation of the bin counts (high = ITs concentrated in few bins). */
export function binCv(bins: Uint32Array): number {
  let sum = 0;
  for (const c of bins) sum += c;
  const mean = sum / bins.length;
  if (mean === 0) return 0;
  let sq = 0;
  for (const c of bins) sq += (c - mean) ** 2;
  return Math.sqrt(sq / bins.length) / mean;
}

/** Index of the bin holding the given percentile of `count` samples. */
function percentileBin(bins: Uint32Array, count: number, pct: number): number {
  const target = (pct / 100) * count;
  let seen = 0;
  for (let i = 0; i < bins.length; i++) {
    seen += bins[i]!;
    if (seen >= target && seen > 0) return i;
  }
  return bins.length - 1;
}
