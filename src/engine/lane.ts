// An ordered lane: a pre-sorted stream of timed items (trace arrivals) that the run loop merges
// with the heap instead of pushing each item into it.

export interface OrderedStream {
  /**
   * Time (us) of the next item, or +Infinity when the stream is exhausted. A property, not a
   * method: a time past 2^31 us returned from a call that is not inlined is boxed in a fresh heap
   * number, one per arrival.
   */
  readonly time: number;
  /** Consumes the next item and returns its payload (for arrivals: the function index). */
  take(): number;
}

/** K-way merge of ordered streams (ties go to the stream listed first), itself an ordered stream. */
export class MergedStream implements OrderedStream {
  private heap: number[] = []; // stream indices ordered by (time, index)
  time = Infinity;

  constructor(private readonly streams: OrderedStream[]) {
    for (let i = 0; i < streams.length; i++) {
      if (streams[i]!.time !== Infinity) this.insert(i);
    }
    this.time = this.heap.length > 0 ? this.streams[this.heap[0]!]!.time : Infinity;
  }

  take(): number {
    const value = this.takeNext();
    this.time = this.heap.length > 0 ? this.streams[this.heap[0]!]!.time : Infinity;
    return value;
  }

  private takeNext(): number {
    const i = this.heap[0]!;
    const s = this.streams[i]!;
    const before = s.time;
    const value = s.take();
    const after = s.time;
    if (after < before) throw new Error(`ordered stream ${i} went back in time (${before} -> ${after})`);
    if (after === Infinity) {
      const last = this.heap.pop()!;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.siftDown(0);
      }
    } else {
      this.siftDown(0);
    }
    return value;
  }

  private less(a: number, b: number): boolean {
    const ta = this.streams[a]!.time;
    const tb = this.streams[b]!.time;
    return ta < tb || (ta === tb && a < b);
  }

  private insert(i: number): void {
    const h = this.heap;
    h.push(i);
    let c = h.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.less(h[c]!, h[p]!)) break;
      [h[c], h[p]] = [h[p]!, h[c]!];
      c = p;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

/** Cuts an ordered stream at `end`: items at or after it are never delivered. */
export class BoundedStream implements OrderedStream {
  time: number;

  constructor(
    private readonly inner: OrderedStream,
    private readonly end: number,
  ) {
    this.time = inner.time < end ? inner.time : Infinity;
  }

  take(): number {
    const value = this.inner.take();
    const t = this.inner.time;
    this.time = t < this.end ? t : Infinity;
    return value;
  }
}
