// Binary min-heap of events kept as parallel typed arrays (struct of arrays), so that pushing and
// popping an event allocates nothing. Order: (time, priority, insertion sequence).
import { grown } from './grown.ts';

/** Sequence numbers live below this; priorities are multiplied by it to form one tie-break key. */
export const SEQ_SPAN = 2 ** 40;

export const MAX_PRIORITY = 2 ** 12;

export class EventQueue {
  // `times`, `keys` and `n` are read (never written) by Simulator.step for the head, index 0:
  // fields, not calls, since a time or key returned by a call that is not inlined is boxed.
  /** @internal */ times: Float64Array;
  /** @internal */ keys: Float64Array; // priority * SEQ_SPAN + seq
  private kinds: Int32Array;
  private targets: Int32Array;
  private args: Float64Array;
  /** @internal */ n = 0;
  private seq = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.targets = new Int32Array(capacity);
    this.args = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or +Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, priority: number, kind: number, target: number, arg: number): void {
    this.pushKeyed(time, priority * SEQ_SPAN + this.seq++, kind, target, arg);
  }

  /**
   * The tie-break key an event pushed now with `priority` would get (consumes a sequence number).
   * For events held outside the heap (timer channels) that must order exactly as if pushed here.
   */
  nextKey(priority: number): number {
    return priority * SEQ_SPAN + this.seq++;
  }

  /** Pushes an event with a key from `nextKey`. */
  pushKeyed(time: number, key: number, kind: number, target: number, arg: number): void {
    if (this.n === this.times.length) this.grow();
    // Sift up: move parents down until the slot for the new event is found.
    let i = this.n++;
    const times = this.times;
    const keys = this.keys;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && keys[p]! < key)) break;
      this.move(p, i);
      i = p;
    }
    times[i] = time;
    keys[i] = key;
    this.kinds[i] = kind;
    this.targets[i] = target;
    this.args[i] = arg;
  }

  // The popped event is exposed through these fields to avoid allocating a result object.
  poppedTime = 0;
  poppedKind = 0;
  poppedTarget = 0;
  poppedArg = 0;

  /** Removes the earliest event into the popped* fields. The caller checks size first. */
  pop(): void {
    const times = this.times;
    const keys = this.keys;
    this.poppedTime = times[0]!;
    this.poppedKind = this.kinds[0]!;
    this.poppedTarget = this.targets[0]!;
    this.poppedArg = this.args[0]!;
    const last = --this.n;
    if (last === 0) return;
    const t = times[last]!;
    const k = keys[last]!;
    const kind = this.kinds[last]!;
    const target = this.targets[last]!;
    const arg = this.args[last]!;
    // Sift down the former last element from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (times[r]! < times[c]! || (times[r] === times[c] && keys[r]! < keys[c]!))) c = r;
      const ct = times[c]!;
      if (t < ct || (t === ct && k < keys[c]!)) break;
      this.move(c, i);
      i = c;
    }
    times[i] = t;
    keys[i] = k;
    this.kinds[i] = kind;
    this.targets[i] = target;
    this.args[i] = arg;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.keys[to] = this.keys[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.targets[to] = this.targets[from]!;
    this.args[to] = this.args[from]!;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    this.times = grown(this.times, cap);
    this.keys = grown(this.keys, cap);
    this.kinds = grown(this.kinds, cap);
    this.targets = grown(this.targets, cap);
    this.args = grown(this.args, cap);
  }
}
