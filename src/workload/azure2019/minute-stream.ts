// Replay of per-minute counts as a time-ordered arrival stream: one minute is expanded at a time
// into a typed array of packed (offset, function) keys and sorted, so memory stays bounded by the
// busiest minute and no object is allocated per arrival.
import type { OrderedStream } from '../../engine/lane.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { ArrivalMode } from '../trace-types.ts';
import { MINUTE_US, placeInMinute } from '../within-minute.ts';
import type { MinuteCounts } from './minute-counts.ts';

/** Keys are offset * span + function, exact in a double while offset * span < 2^53. */
const MAX_FUNCTIONS = Math.floor(Number.MAX_SAFE_INTEGER / MINUTE_US);

export class MinuteStream implements OrderedStream {
  private keys = new Float64Array(256);
  private offsets = new Float64Array(256);
  private len = 0;
  private pos = 0;
  private minute = -1;
  private readonly streams: Array<RandomStream | undefined>;
  private readonly span: number;
  private time = Infinity;
  private payload = -1;

  constructor(
    private readonly counts: MinuteCounts,
    functions: number,
    private readonly baseIndex: number,
    private readonly mode: ArrivalMode,
    private readonly shift: boolean,
    private readonly streamOf: (fn: number) => RandomStream,
  ) {
    if (functions > MAX_FUNCTIONS) throw new RangeError(`at most ${MAX_FUNCTIONS} functions per trace stream`);
    this.span = Math.max(1, functions);
    this.streams = new Array(functions);
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
      if (!this.loadNextMinute()) {
        this.time = Infinity;
        this.payload = -1;
        return;
      }
    }
    const key = this.keys[this.pos++]!;
    const offset = Math.floor(key / this.span);
    this.time = this.minute * MINUTE_US + offset;
    this.payload = this.baseIndex + (key - offset * this.span);
  }

  private loadNextMinute(): boolean {
    const { start, fn, count, minutes } = this.counts;
    if (this.minute + 1 >= minutes) return false;
    const m = ++this.minute;
    let total = 0;
    for (let e = start[m]!; e < start[m + 1]!; e++) total += count[e]!;
    if (total > this.keys.length) this.keys = new Float64Array(Math.max(total, 2 * this.keys.length));
    let len = 0;
    for (let e = start[m]!; e < start[m + 1]!; e++) {
      const f = fn[e]!;
      const n = count[e]!;
      if (n > this.offsets.length) this.offsets = new Float64Array(Math.max(n, 2 * this.offsets.length));
      const rng = (this.streams[f] ??= this.streamOf(f));
      placeInMinute(this.mode, n, this.shift, rng, this.offsets);
      for (let k = 0; k < n; k++) this.keys[len++] = this.offsets[k]! * this.span + f;
    }
    // Numeric typed-array sort: time order, ties by function index (the key's low part).
    this.keys.subarray(0, len).sort();
    this.len = len;
    this.pos = 0;
    return true;
  }
}
