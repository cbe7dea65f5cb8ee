// An indexed min-heap of "slots" (e.g. worker nodes), each with at most one pending event whose
// time can be moved in place. A node's next CPU completion changes with every job that starts or
// ends; pushing a new event each time left stale ones behind for the main heap to pop and skip.

import { grown } from './grown.ts';

export class SlotQueue {
  // `heap`, `times`, `keys` and `n` are read (never written) by Simulator.step for the head.
  /** @internal */ heap: Int32Array; // slots by (time, key)
  private pos: Int32Array; // slot -> index in heap, -1 if not pending
  /** @internal */ times: Float64Array;
  /** @internal */ keys: Float64Array;
  /** @internal */ n = 0;

  constructor(public capacity: number) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
    this.times = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  /** Makes room for slots [0, capacity) (owners that appear during a run, e.g. devices). */
  grow(capacity: number): void {
    if (capacity <= this.capacity) return;
    this.heap = grown(this.heap, capacity);
    this.pos = grown(this.pos, capacity).fill(-1, this.capacity);
    this.times = grown(this.times, capacity);
    this.keys = grown(this.keys, capacity);
    this.capacity = capacity;
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest slot (the caller checks size first). */
  peekTime(): number {
    return this.times[this.heap[0]!]!;
  }

  /** Schedules `slot` at (time, key), replacing its pending event if it has one. */
  set(slot: number, time: number, key: number): void {
    if (slot < 0 || slot >= this.capacity) throw new RangeError(`slot ${slot} outside [0, ${this.capacity})`);
    const old = this.pos[slot]!;
    const up = old < 0 || this.before(time, key, this.times[slot]!, this.keys[slot]!);
    this.times[slot] = time;
    this.keys[slot] = key;
    if (old < 0) {
      const i = this.n++;
      this.heap[i] = slot;
      this.pos[slot] = i;
      this.siftUp(i);
    } else if (up) {
      this.siftUp(old);
    } else {
      this.siftDown(old);
    }
  }

  /** Cancels `slot`'s pending event, if any. */
  remove(slot: number): void {
    const i = this.pos[slot]!;
    if (i < 0) return;
    this.pos[slot] = -1;
    const last = --this.n;
    if (i === last) return;
    const moved = this.heap[last]!;
    this.heap[i] = moved;
    this.pos[moved] = i;
    this.siftUp(i);
    this.siftDown(this.pos[moved]!);
  }

  /** Removes the earliest slot and returns it. The caller checks size first. */
  pop(): number {
    const slot = this.heap[0]!;
    this.remove(slot);
    return slot;
  }

  private before(t1: number, k1: number, t2: number, k2: number): boolean {
    return t1 < t2 || (t1 === t2 && k1 < k2);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const slot = heap[i]!;
    const t = this.times[slot]!;
    const k = this.keys[slot]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const ps = heap[p]!;
      if (!this.before(t, k, this.times[ps]!, this.keys[ps]!)) break;
      heap[i] = ps;
      this.pos[ps] = i;
      i = p;
    }
    heap[i] = slot;
    this.pos[slot] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const times = this.times;
    const keys = this.keys;
    const slot = heap[i]!;
    const t = times[slot]!;
    const k = keys[slot]!;
    const n = this.n;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && this.before(times[heap[r]!]!, keys[heap[r]!]!, times[heap[c]!]!, keys[heap[c]!]!)) c = r;
      const cs = heap[c]!;
      if (!this.before(times[cs]!, keys[cs]!, t, k)) break;
      heap[i] = cs;
      this.pos[cs] = i;
      i = c;
    }
    heap[i] = slot;
    this.pos[slot] = i;
  }
}
