// Compact per-minute invocation counts: entries are appended while reading (function, minute,
// count) and then packed minute-major as varints, so that replay reads one minute at a time.
import type { RandomStream } from '../../engine/random.ts';
import { grown } from '../../engine/grown.ts';

/** Growable struct-of-arrays of (function, minute, count) entries, 16 bytes each: load time only. */
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

/**
 * Minute-major counts, the one structure of a replay that grows with trace length: entry e of
 * minute m is (function, count), both as base-128 varints (low 7 bits first, high bit = more) in
 * `bytes[start[m] .. start[m + 1])`. Functions take 1-2 bytes below 16,384 and most counts one, so
 * an active minute costs ~3 bytes instead of 12 as (Int32, Float64) columns: 18 -> 4.7 MB for a
 * day of the 10,000-function benchmark trace. Counts of any size are exact (the varints are
 * decoded with arithmetic, not 32-bit shifts).
 */
export interface MinuteCounts {
  minutes: number;
  /** Byte offsets, `minutes + 1` of them (doubles: a long trace may pass 2^31 bytes). */
  start: Float64Array;
  bytes: Uint8Array;
  /** Sum of each minute's counts. */
  total: Float64Array;
  /** The largest single count (one function's arrivals in one minute). */
  maxCount: number;
}

/** Bytes of `v` (a non-negative integer) as a varint. */
export function varintBytes(v: number): number {
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

/** Writes `v` at `bytes[at]`; returns the offset after it. */
function writeVarint(bytes: Uint8Array, at: number, v: number): number {
  while (v >= 128) {
    bytes[at++] = (v % 128) + 128;
    v = Math.floor(v / 128);
  }
  bytes[at++] = v;
  return at;
}

/** Reads one minute's entries in packing order; one reusable cursor, no object per entry. */
export class MinuteCursor {
  fn = 0;
  count = 0;
  private pos = 0;
  private end = 0;

  constructor(private readonly counts: MinuteCounts) {}

  /** Positions the cursor before minute `m`'s first entry. */
  seek(m: number): void {
    this.pos = this.counts.start[m]!;
    this.end = this.counts.start[m + 1]!;
  }

  /** Reads the next entry into `fn` and `count`; false after the minute's last. */
  next(): boolean {
    if (this.pos >= this.end) return false;
    this.fn = this.varint();
    this.count = this.varint();
    return true;
  }

  /** The varint at `pos`, moving past it (the inverse of writeVarint). */
  private varint(): number {
    const b = this.counts.bytes;
    let x = b[this.pos++]!;
    let v = x & 127;
    for (let mul = 128; x >= 128; mul *= 128) {
      x = b[this.pos++]!;
      v += (x & 127) * mul;
    }
    return v;
  }
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
 * Scales the kept functions' entries. `remap[oldFn]` is the kept index or -1. Each kept function's
 * entries are visited in minute order, so its rate stream's draws depend on nothing else. Returns
 * each entry's scaled count (0 for dropped functions) and each kept function's total.
 */
export function scaleCounts(
  entries: CountEntries,
  remap: Int32Array,
  kept: number,
  scale: number,
  rateStreams: (keptIndex: number) => RandomStream,
): { scaled: Float64Array; totals: Float64Array } {
  const totals = new Float64Array(kept);
  const scaled = new Float64Array(entries.length);
  const streams: Array<RandomStream | undefined> = new Array(kept);
  for (let e = 0; e < entries.length; e++) {
    const k = remap[entries.fn[e]!]!;
    if (k < 0) continue;
    let c = entries.count[e]!;
    if (scale !== 1) c = scaleCount(c, scale, (streams[k] ??= rateStreams(k)));
    scaled[e] = c;
    totals[k]! += c;
  }
  return { scaled, totals };
}

/**
 * Packs the entries minute-major. `index[oldFn]` is the function's final index, or -1 to leave it
 * out; entries whose scaled count is 0 are left out too. Within a minute, entries keep their order.
 */
export function packMinuteCounts(entries: CountEntries, scaled: Float64Array, index: Int32Array, minutes: number): MinuteCounts {
  const start = new Float64Array(minutes + 1);
  const total = new Float64Array(minutes);
  let maxCount = 0;
  for (let e = 0; e < entries.length; e++) {
    const f = index[entries.fn[e]!]!;
    const c = scaled[e]!;
    if (f < 0 || !(c > 0)) continue;
    const m = entries.minute[e]!;
    start[m + 1]! += varintBytes(f) + varintBytes(c);
    total[m]! += c;
    if (c > maxCount) maxCount = c;
  }
  for (let m = 0; m < minutes; m++) start[m + 1]! += start[m]!;
  const bytes = new Uint8Array(start[minutes]!);
  const fill = start.slice(0, minutes);
  for (let e = 0; e < entries.length; e++) {
    const f = index[entries.fn[e]!]!;
    const c = scaled[e]!;
    if (f < 0 || !(c > 0)) continue;
    const m = entries.minute[e]!;
    fill[m] = writeVarint(bytes, writeVarint(bytes, fill[m]!, f), c);
  }
  return { minutes, start, bytes, total, maxCount };
}

/**
 * The counts of the functions with `remap[fn] >= 0` only, renumbered to `remap[fn]` and packed
 * anew (same minutes, entries in their order), so that a cell holds its own functions' counts and
 * nothing else. `remap` must be increasing over the kept functions: the stream breaks ties by index.
 */
export function restrictMinuteCounts(counts: MinuteCounts, remap: Int32Array): MinuteCounts {
  const minutes = counts.minutes;
  const start = new Float64Array(minutes + 1);
  const total = new Float64Array(minutes);
  let maxCount = 0;
  const cur = new MinuteCursor(counts);
  for (let m = 0; m < minutes; m++) {
    cur.seek(m);
    while (cur.next()) {
      const f = remap[cur.fn]!;
      if (f < 0) continue;
      start[m + 1]! += varintBytes(f) + varintBytes(cur.count);
      total[m]! += cur.count;
      if (cur.count > maxCount) maxCount = cur.count;
    }
  }
  for (let m = 0; m < minutes; m++) start[m + 1]! += start[m]!;
  const bytes = new Uint8Array(start[minutes]!);
  let at = 0;
  for (let m = 0; m < minutes; m++) {
    cur.seek(m);
    while (cur.next()) {
      const f = remap[cur.fn]!;
      if (f >= 0) at = writeVarint(bytes, writeVarint(bytes, at, f), cur.count);
    }
  }
  return { minutes, start, bytes, total, maxCount };
}
