// One request to a function, from arrival at the front-end to its single end: completed,
// dropped (never ran, with a reason) or failed (ran or was admitted, then failed, with a reason).
// Its fields live in a row of the platform's InvocationTable; an Invocation is a read-only view
// of a row (see invocation-table.ts for why).

import type { Instance } from './instance.ts';
import type { InvocationTable } from './invocation-table.ts';

export type Outcome = 'pending' | 'completed' | 'dropped' | 'failed';

/** Columns of a row of the InvocationTable. The first eight are what a completion touches. */
export const enum Col {
  Arrival = 0,
  Dispatch = 1,
  End = 2,
  ComputeEnd = 3,
  Id = 4,
  Fn = 5,
  /** Bit 0: cold; bits 1-2: outcome index in OUTCOMES. */
  Flags = 6,
  Instance = 7,
  ComputeStart = 8,
  Work = 9,
  Node = 10,
  /** Index of the start path's name (pathName). */
  Path = 11,
  Stride = 16,
}

export const OUTCOMES: readonly Outcome[] = ['pending', 'completed', 'dropped', 'failed'];

export const enum OutcomeCode {
  Pending = 0,
  Completed = 1,
  Dropped = 2,
  Failed = 3,
}

/** An invocation's fields once its row is gone (a view detached at the end of its request). */
interface Frozen {
  readonly id: number;
  readonly fn: number;
  readonly arrival: number;
  readonly dispatch: number;
  readonly end: number;
  readonly instance: number;
  readonly host: Instance | null;
  readonly node: number;
  readonly startPath: string;
  readonly cold: boolean;
  readonly work: number;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly computeStart: number;
  readonly computeEnd: number;
  readonly flow: unknown;
}

export class Invocation {
  /** Row in the table, or -1 once detached (then the fields are in `frozen`). */
  row: number;
  private frozen: Frozen | null = null;

  constructor(
    private readonly t: InvocationTable,
    row: number,
  ) {
    this.row = row;
  }

  /** Copies the fields out of the row, which is about to be reused; the view keeps them. */
  detach(): void {
    if (this.row < 0) return;
    this.frozen = {
      id: this.id,
      fn: this.fn,
      arrival: this.arrival,
      dispatch: this.dispatch,
      end: this.end,
      instance: this.instance,
      host: this.host,
      node: this.node,
      startPath: this.startPath,
      cold: this.cold,
      work: this.work,
      outcome: this.outcome,
      reason: this.reason,
      computeStart: this.computeStart,
      computeEnd: this.computeEnd,
      flow: this.flow,
    };
    this.row = -1;
  }

  /** Column `col` of the row (attached views only). */
  private num(col: Col): number {
    return this.t.f[this.row * Col.Stride + col]!;
  }

  get id(): number {
    return this.row >= 0 ? this.num(Col.Id) : this.frozen!.id;
  }
  get fn(): number {
    return this.row >= 0 ? this.num(Col.Fn) : this.frozen!.fn;
  }
  get arrival(): number {
    return this.row >= 0 ? this.num(Col.Arrival) : this.frozen!.arrival;
  }
  /** Dispatch time (us), -1 until it starts executing. */
  get dispatch(): number {
    return this.row >= 0 ? this.num(Col.Dispatch) : this.frozen!.dispatch;
  }
  get end(): number {
    return this.row >= 0 ? this.num(Col.End) : this.frozen!.end;
  }
  get instance(): number {
    return this.row >= 0 ? this.num(Col.Instance) : this.frozen!.instance;
  }
  /** The instance it was dispatched to (the platform's handle; `instance` is its id). */
  get host(): Instance | null {
    return this.row >= 0 ? this.t.host[this.row]! : this.frozen!.host;
  }
  get node(): number {
    return this.row >= 0 ? this.num(Col.Node) : this.frozen!.node;
  }
  /** Start path of the cold start it waited for (`warm` if it ran on an existing instance). */
  get startPath(): string {
    return this.row >= 0 ? this.t.pathName(this.num(Col.Path)) : this.frozen!.startPath;
  }
  /** True if it was the first invocation of a freshly started instance it waited for. */
  get cold(): boolean {
    return this.row >= 0 ? (this.num(Col.Flags) & 1) === 1 : this.frozen!.cold;
  }
  /** Execution time at full speed that was drawn for it (us), including cold extras. */
  get work(): number {
    return this.row >= 0 ? this.num(Col.Work) : this.frozen!.work;
  }
  get outcome(): Outcome {
    return this.row >= 0 ? OUTCOMES[this.num(Col.Flags) >> 1]! : this.frozen!.outcome;
  }
  get reason(): string {
    if (this.row < 0) return this.frozen!.reason;
    // Only an ended request that did not complete has a reason; the slot may hold an old one.
    const o = this.num(Col.Flags) >> 1;
    return o >= 2 ? this.t.reason[this.row]! : '';
  }
  /** When compute started and ended (after input fetch, before output store); -1 until then. */
  get computeStart(): number {
    return this.row >= 0 ? this.num(Col.ComputeStart) : this.frozen!.computeStart;
  }
  get computeEnd(): number {
    return this.row >= 0 ? this.num(Col.ComputeEnd) : this.frozen!.computeEnd;
  }
  /** Workflow context (opaque to the platform), or null for a plain request. */
  get flow(): unknown {
    return this.row >= 0 ? this.t.flow[this.row] : this.frozen!.flow;
  }
}
