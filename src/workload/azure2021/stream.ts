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
