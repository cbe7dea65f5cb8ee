// Replay of exact per-invocation start times, bucketed by minute (CSR) and sorted one minute at a
// time as packed (offset, function) keys, like the 2019 minute stream but with no draws.
import type { OrderedStream } from '../../engine/lane.ts';
import { MINUTE_US } from '../within-minute.ts';

export interface MinuteOffsets {
  minutes: number;
  /** Entries of minute m are [start[m], start[m+1]). */
  start: Int32Array;
  fn: Int32Array;
  /** Offset inside the minute, integer us in [0, 60e6). */
  offset: Int32Array;
}

export class OffsetStream implements OrderedStream {
  private keys = new Float64Array(256);
  private len = 0;
  private pos = 0;
  private minute = -1;
  private time = Infinity;
  private payload = -1;
  private readonly span: number;

  constructor(
    private readonly data: MinuteOffsets,
    functions: number,
    private readonly baseIndex: number,
  ) {
    if (functions * MINUTE_US > Number.MAX_SAFE_INTEGER) throw new RangeError('too many functions for one trace stream');
    this.span = Math.max(1, functions);
    this.advance();
  }

  peekTime(): number {
    return this.time;
  }

  take(): number {
    if (this.time === Infinity) throw new Error('take() on an exhausted trace stream');
    const p = this.payload;
    this.advance();
    return p;
  }

  private advance(): void {
    while (this.pos >= this.len) {
      if (this.minute + 1 >= this.data.minutes) {
        this.time = Infinity;
        this.payload = -1;
        return;
      }
      this.load(++this.minute);
    }
    const key = this.keys[this.pos++]!;
    const off = Math.floor(key / this.span);
    this.time = this.minute * MINUTE_US + off;
    this.payload = this.baseIndex + (key - off * this.span);
  }

  private load(m: number): void {
    const { start, fn, offset } = this.data;
    const n = start[m + 1]! - start[m]!;
    if (n > this.keys.length) this.keys = new Float64Array(Math.max(n, 2 * this.keys.length));
    let len = 0;
    for (let e = start[m]!; e < start[m + 1]!; e++) this.keys[len++] = offset[e]! * this.span + fn[e]!;
    this.keys.subarray(0, len).sort();
    this.len = len;
    this.pos = 0;
  }
}
