// A FIFO of events of one kind scheduled in nondecreasing time order (keep-alive expiries after a
// fixed TTL, queue timeouts after a fixed wait). Only its head sits in the event heap, so tens of
// thousands of pending timers no longer deepen the heap that every completion goes through.

export class TimerChannel {
  private times = new Float64Array(256);
  private keys = new Float64Array(256);
  private targets = new Int32Array(256);
  private args = new Float64Array(256);
  private head = 0;
  private n = 0;
  /** Time and key of the last event appended: appends must not order before it. */
  private tailTime = -Infinity;
  private tailKey = -Infinity;

  /** May an event at (time, key) be appended without breaking the heap order? */
  accepts(time: number, key: number): boolean {
    return this.n === 0 || time > this.tailTime || (time === this.tailTime && key > this.tailKey);
  }

  get size(): number {
    return this.n;
  }

  headTime(): number {
    return this.times[this.head]!;
  }

  headKey(): number {
    return this.keys[this.head]!;
  }

  append(time: number, key: number, target: number, arg: number): void {
    if (this.n === this.times.length) this.grow();
    const i = (this.head + this.n) & (this.times.length - 1);
    this.times[i] = time;
    this.keys[i] = key;
    this.targets[i] = target;
    this.args[i] = arg;
    this.n++;
    this.tailTime = time;
    this.tailKey = key;
  }

  // The shifted event is exposed through these fields to avoid allocating a result object.
  shiftedTarget = 0;
  shiftedArg = 0;

  /** Removes the head into the shifted* fields. The caller checks size first. */
  shift(): void {
    this.shiftedTarget = this.targets[this.head]!;
    this.shiftedArg = this.args[this.head]!;
    this.head = (this.head + 1) & (this.times.length - 1);
    this.n--;
  }

  /** Doubles the ring (capacity stays a power of two), unrolling it to start at 0. */
  private grow(): void {
    const cap = this.times.length;
    const unroll = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
      for (let k = 0; k < this.n; k++) b[k] = a[(this.head + k) & (cap - 1)]!;
      return b;
    };
    this.times = unroll(this.times, new Float64Array(cap * 2));
    this.keys = unroll(this.keys, new Float64Array(cap * 2));
    this.targets = unroll(this.targets, new Int32Array(cap * 2));
    this.args = unroll(this.args, new Float64Array(cap * 2));
    this.head = 0;
  }
}
