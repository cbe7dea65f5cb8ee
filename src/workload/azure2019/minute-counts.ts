// Compact per-minute invocation counts: entries are appended while reading (function, minute,
// count) and then laid out minute-major (CSR) so that replay touches one minute at a time.
import type { RandomStream } from '../../engine/random.ts';
import { grown } from '../../engine/grown.ts';

/** Growable struct-of-arrays of (function, minute, count) entries; 12 bytes per active minute. */
export class CountEntries {
  fn = new Int32Array(1024);
  minute = new Int32Array(1024);
  count = new Float64Array(1024);
  length = 0;

  push(fn: number, minute: number, count: number): void {
    if (this.length === this.fn.length) this.grow();
    this.fn[this.length] = fn;
    this.minute[this.length] = minute;
    this.count[this.length] = count;
    this.length++;
  }

  private grow(): void {
    const cap = this.fn.length * 2;
    this.fn = grown(this.fn, cap);
    this.minute = grown(this.minute, cap);
    this.count = grown(this.count, cap);
  }
}

/** Minute-major counts: entries of minute m are [start[m], start[m+1]). */
export interface MinuteCounts {
  minutes: number;
  start: Int32Array;
  fn: Int32Array;
  count: Float64Array;
}

/**
 * Stochastic rounding of c * scale: floor, plus one with probability equal to the fraction, so the
 * expected count is exact. No draw is made when the product is whole (scale 1 keeps counts exactly).
 */
export function scaleCount(c: number, scale: number, rng: RandomStream | undefined): number {
  const x = c * scale;
  const f = Math.floor(x);
  const frac = x - f;
  return frac > 0 && rng && rng.next() < frac ? f + 1 : f;
}

/**
 * Builds minute-major counts for the kept functions. `remap[oldFn]` is the kept index or -1.
 * Each kept function's entries are visited in minute order, so its rate stream's draws depend on
 * nothing else. Returns the counts and each kept function's total after scaling.
 */
export function buildMinuteCounts(
  entries: CountEntries,
  remap: Int32Array,
  kept: number,
  minutes: number,
  scale: number,
  rateStreams: (keptIndex: number) => RandomStream,
): { counts: MinuteCounts; totals: Float64Array } {
  const totals = new Float64Array(kept);
  const perMinute = new Int32Array(minutes + 1);
  const scaled = new Float64Array(entries.length);
  const streams: Array<RandomStream | undefined> = new Array(kept);
  for (let e = 0; e < entries.length; e++) {
    const k = remap[entries.fn[e]!]!;
    if (k < 0) continue;
    let c = entries.count[e]!;
    if (scale !== 1) c = scaleCount(c, scale, (streams[k] ??= rateStreams(k)));
    scaled[e] = c;
    if (c > 0) {
      totals[k] += c;
      perMinute[entries.minute[e]! + 1]!++;
    }
  }
  for (let m = 0; m < minutes; m++) perMinute[m + 1]! += perMinute[m]!;
  const start = perMinute;
  const nnz = start[minutes]!;
  const fn = new Int32Array(nnz);
  const count = new Float64Array(nnz);
  const fill = start.slice(0, minutes);
  for (let e = 0; e < entries.length; e++) {
    const k = remap[entries.fn[e]!]!;
    if (k < 0 || !(scaled[e]! > 0)) continue;
    const at = fill[entries.minute[e]!]!++;
    fn[at] = k;
    count[at] = scaled[e]!;
  }
  return { counts: { minutes, start, fn, count }, totals };
}

/** Drops functions whose scaled total is zero: renumbers the counts' function indices in place. */
export function renumber(counts: MinuteCounts, remap: Int32Array): void {
  for (let i = 0; i < counts.fn.length; i++) counts.fn[i] = remap[counts.fn[i]!]!;
}
