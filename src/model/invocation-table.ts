// The platform's in-flight invocations as rows of one Float64Array (struct of arrays). A request
// touches its row at arrival and again at completion, after many other requests have run: as an
// object with a heap number per time field it was several cache lines apart, and the first touch
// at completion alone held ~16% of a 10k-function replay's profile. A row keeps what completion
// reads and writes in one 64-byte half. Rows are reused last-freed first, so an arrival writes a
// row still in cache.
import type { Instance } from './instance.ts';
import { Col, Invocation, OutcomeCode, QueueMark } from './invocation.ts';
import { grown } from '../engine/grown.ts';
import { endedTwice } from './invariants.ts';

export class InvocationTable {
  f: Float64Array;
  /** Per row: the instance it runs on, its workflow context, why it was dropped or failed. */
  readonly host: (Instance | null)[] = [];
  readonly flow: unknown[] = [];
  readonly reason: string[] = [];
  /** Per row: the view handed out for it (workflow invocations), or null. */
  private readonly views: (Invocation | null)[] = [];
  /** A view moved from row to row for invocations nobody outside holds (trace arrivals). */
  private readonly cursor = new Invocation(this, 0);
  private free: Int32Array;
  private nFree = 0;
  private rows = 0;

  /** Start-path names by code; a copy shares them with the table it was taken from. */
  constructor(
    capacity = 1024,
    private readonly paths: string[] = ['warm'],
    private readonly pathCodes = new Map<string, number>([['warm', 0]]),
  ) {
    this.f = new Float64Array(capacity * Col.Stride);
    this.free = new Int32Array(capacity);
  }

  /** A fresh pending row for request `id` of function `fn` arriving at `now`. */
  alloc(id: number, fn: number, now: number, flow: unknown): number {
    let row: number;
    if (this.nFree > 0) {
      row = this.free[--this.nFree]!;
    } else {
      row = this.rows++;
      if (this.rows * Col.Stride > this.f.length) {
        this.f = grown(this.f, 2 * this.f.length);
      }
      this.host.push(null);
      this.flow.push(null);
      this.reason.push('');
      this.views.push(null);
    }
    const f = this.f;
    const o = row * Col.Stride;
    f[o + Col.Arrival] = now;
    f[o + Col.Dispatch] = -1;
    f[o + Col.End] = -1;
    f[o + Col.ComputeEnd] = -1;
    f[o + Col.Id] = id;
    f[o + Col.Fn] = fn;
    f[o + Col.Flags] = OutcomeCode.Pending << 1;
    f[o + Col.Instance] = -1;
    f[o + Col.ComputeStart] = -1;
    f[o + Col.Work] = 0;
    f[o + Col.Node] = -1;
    f[o + Col.Path] = 0;
    f[o + Col.StartMark] = QueueMark.NeverQueued;
    f[o + Col.WaitedStart] = 0;
    f[o + Col.Requested] = -1;
    this.flow[row] = flow;
    return row;
  }

  /** Detaches the row's own view (it keeps the fields) and puts the row up for reuse. */
  release(row: number): void {
    const v = this.views[row];
    if (v) {
      v.detach();
      this.views[row] = null;
    }
    this.host[row] = null;
    this.flow[row] = null;
    if (this.nFree === this.free.length) {
      this.free = grown(this.free, 2 * this.free.length);
    }
    this.free[this.nFree++] = row;
  }

  /** A one-row table holding row `row` as it is now (what a detached view reads). */
  copyOf(row: number): InvocationTable {
    const c = new InvocationTable(1, this.paths, this.pathCodes);
    const r = c.alloc(0, 0, 0, this.flow[row]);
    c.f.set(this.f.subarray(row * Col.Stride, (row + 1) * Col.Stride), r * Col.Stride);
    c.host[r] = this.host[row]!;
    c.reason[r] = this.reason[row]!;
    return c;
  }

  /** A view of `row` that stays valid (and keeps its fields after the request ends). */
  own(row: number): Invocation {
    let v = this.views[row];
    if (v === null || v === undefined) {
      v = new Invocation(this, row);
      this.views[row] = v;
    }
    return v;
  }

  /** A view of `row` for the duration of a call: its own if it has one, else the shared cursor. */
  view(row: number): Invocation {
    const v = this.views[row];
    if (v !== null && v !== undefined) return v;
    this.cursor.row = row;
    return this.cursor;
  }

  /** Column `col` of `row`. For one field; code writing several keeps `row * Col.Stride` itself. */
  get(row: number, col: Col): number {
    return this.f[row * Col.Stride + col]!;
  }

  set(row: number, col: Col, value: number): void {
    this.f[row * Col.Stride + col] = value;
  }

  setOutcome(row: number, outcome: OutcomeCode): void {
    const o = row * Col.Stride + Col.Flags;
    this.f[o] = (this.f[o]! & 1) | (outcome << 1);
  }

  /**
   * Ends the row's request at `now` with `outcome`. A request ends once: a row no longer pending
   * is a bug (caught while the row is not yet reused; after that, the count at the end of the run
   * catches it).
   */
  end(row: number, outcome: OutcomeCode, now: number): void {
    const o = row * Col.Stride;
    const flags = this.f[o + Col.Flags]!;
    if (flags >> 1 !== OutcomeCode.Pending) endedTwice(this.f[o + Col.Id]!, flags >> 1, now);
    this.f[o + Col.Flags] = (flags & 1) | (outcome << 1);
    this.f[o + Col.End] = now;
  }

  setCold(row: number, path: string): void {
    const o = row * Col.Stride;
    this.f[o + Col.Flags] = this.f[o + Col.Flags]! | 1;
    let code = this.pathCodes.get(path);
    if (code === undefined) {
      code = this.paths.length;
      this.paths.push(path);
      this.pathCodes.set(path, code);
    }
    this.f[o + Col.Path] = code;
  }

  pathName(code: number): string {
    return this.paths[code]!;
  }
}
