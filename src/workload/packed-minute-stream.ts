// The shared core of trace replay streams: one minute at a time, arrivals are written as packed
// keys (offset in the minute * span + function) into a typed array and sorted numerically, which
// orders them by time with ties by function index, without an object per arrival. Subclasses say
// how a minute is filled (per-minute counts placed by a mode, or exact offsets).
import type { OrderedStream } from '../engine/lane.ts';
import { KeySorter } from './bucket-sort.ts';
import { MINUTE_US } from './within-minute.ts';

/** Keys are offset * span + function, exact in a double while offset * span < 2^53. */
export const MAX_PACKED_FUNCTIONS = Math.floor(Number.MAX_SAFE_INTEGER / MINUTE_US);

export abstract class PackedMinuteStream implements OrderedStream {
  protected keys = new Float64Array(256);
  protected readonly span: number;
  private len = 0;
  private pos = 0;
  /** The minute whose keys are loaded (-1 before the first). */
  protected minute = -1;
  /** Time of the next arrival (the lane reads it; only `advance` writes it). */
  time = Infinity;
  private payload = -1;
  private readonly sorter = new KeySorter();

  constructor(
    functions: number,
    private readonly baseIndex: number,
  ) {
    if (functions > MAX_PACKED_FUNCTIONS) throw new RangeError(`at most ${MAX_PACKED_FUNCTIONS} functions per trace stream`);
    this.span = Math.max(1, functions);
  }

  /**
   * Writes the keys of minute `m` into `keys` (grown with `reserve`) and returns how many, or -1
   * when there is no minute `m`.
   */
  protected abstract fill(m: number): number;

  /** Makes room for `n` keys. */
  protected reserve(n: number): void {
    if (n > this.keys.length) this.keys = new Float64Array(Math.max(n, 2 * this.keys.length));
  }

  take(): number {
    if (this.time === Infinity) throw new Error('take() on an exhausted trace stream');
    const p = this.payload;
    this.advance();
    return p;
  }

  /** Moves to the next arrival; subclasses call it once at the end of their constructor. */
  protected advance(): void {
    while (this.pos >= this.len) {
      const n = this.fill(this.minute + 1);
      if (n < 0) {
        this.time = Infinity;
        this.payload = -1;
        return;
      }
      this.minute++;
      this.keys = this.sorter.sort(this.keys, n, MINUTE_US * this.span);
      this.len = n;
      this.pos = 0;
    }
    const key = this.keys[this.pos++]!;
    const offset = Math.floor(key / this.span);
    this.time = this.minute * MINUTE_US + offset;
    this.payload = this.baseIndex + (key - offset * this.span);
  }
}
