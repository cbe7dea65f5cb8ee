// Replay of exact per-invocation start times, bucketed by minute (CSR) and sorted one minute at a
// time as packed (offset, function) keys, like the 2019 minute stream but with no draws.
import { PackedMinuteStream } from '../packed-minute-stream.ts';

export interface MinuteOffsets {
  minutes: number;
  /** Entries of minute m are [start[m], start[m+1]). */
  start: Int32Array;
  fn: Int32Array;
  /** Offset inside the minute, integer us in [0, 60e6). */
  offset: Int32Array;
}

export class OffsetStream extends PackedMinuteStream {
  constructor(
    private readonly data: MinuteOffsets,
    functions: number,
    baseIndex: number,
  ) {
    super(functions, baseIndex);
    this.advance();
  }

  protected fill(m: number): number {
    if (m >= this.data.minutes) return -1;
    const { start, fn, offset } = this.data;
    this.reserve(start[m + 1]! - start[m]!);
    let len = 0;
    for (let e = start[m]!; e < start[m + 1]!; e++) this.keys[len++] = offset[e]! * this.span + fn[e]!;
    return len;
  }
}

/**
 * The entries of the functions with `remap[fn] >= 0` only, renumbered to `remap[fn]` (same minutes,
 * entries in their order), so that a cell holds its own functions' arrivals and nothing else.
 * `remap` must be increasing over the kept functions: the stream breaks ties by index.
 */
export function restrictMinuteOffsets(data: MinuteOffsets, remap: Int32Array): MinuteOffsets {
  const { minutes, fn, offset } = data;
  const start = new Int32Array(minutes + 1);
  for (let m = 0; m < minutes; m++) {
    let n = 0;
    for (let e = data.start[m]!; e < data.start[m + 1]!; e++) if (remap[fn[e]!]! >= 0) n++;
    start[m + 1] = start[m]! + n;
  }
  const out: MinuteOffsets = { minutes, start, fn: new Int32Array(start[minutes]!), offset: new Int32Array(start[minutes]!) };
  let at = 0;
  for (let e = 0; e < data.start[minutes]!; e++) {
    const f = remap[fn[e]!]!;
    if (f < 0) continue;
    out.fn[at] = f;
    out.offset[at++] = offset[e]!;
  }
  return out;
}
