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
  /** Instance starts begun when it joined the wait queue (fn.startsBegun), or a QueueMark. */
  StartMark = 12,
  /** 1 if it waited for an instance start, whichever instance served it. */
  WaitedStart = 13,
  /** Execution time drawn for it (us) before any cold extra: what a trace asked it to run. */
  Requested = 14,
  Stride = 16,
}

/**
 * Col.StartMark values that are not a count of starts: a request that never waited, or one that
 * joined the queue while a start was already under way (so it waited for one, whatever came next).
 */
export const enum QueueMark {
  NeverQueued = -1,
  StartUnderWay = -2,
}

export const OUTCOMES: readonly Outcome[] = ['pending', 'completed', 'dropped', 'failed'];

export const enum OutcomeCode {
  Pending = 0,
  Completed = 1,
  Dropped = 2,
  Failed = 3,
}

export class Invocation {
  constructor(
    private t: InvocationTable,
    /** Its row in `t` (the platform's table, or a one-row copy once the request has ended). */
    public row: number,
  ) {}

  /**
   * Keeps the fields after the row is reused: the view moves to a one-row copy of the table.
   * Called by the table as it frees the row.
   */
  detach(): void {
    this.t = this.t.copyOf(this.row);
    this.row = 0;
  }

  /** Column `col` of the row. */
  private num(col: Col): number {
    return this.t.f[this.row * Col.Stride + col]!;
  }

  get id(): number {
    return this.num(Col.Id);
  }
  get fn(): number {
    return this.num(Col.Fn);
  }
  get arrival(): number {
    return this.num(Col.Arrival);
  }
  /** Dispatch time (us), -1 until it starts executing. */
  get dispatch(): number {
    return this.num(Col.Dispatch);
  }
  get end(): number {
    return this.num(Col.End);
  }
  get instance(): number {
    return this.num(Col.Instance);
  }
  /** The instance it was dispatched to (the platform's handle; `instance` is its id). */
  get host(): Instance | null {
    return this.t.host[this.row]!;
  }
  get node(): number {
    return this.num(Col.Node);
  }
  /** Start path of the cold start it waited for (`warm` if it ran on an existing instance). */
  get startPath(): string {
    return this.t.pathName(this.num(Col.Path));
  }
  /** True if it was the first invocation of a freshly started instance it waited for. */
  get cold(): boolean {
    return (this.num(Col.Flags) & 1) === 1;
  }
  /** True if it waited in the queue while an instance of its function was starting. */
  get waitedForStart(): boolean {
    return this.num(Col.WaitedStart) === 1;
  }
  /** Execution time at full speed that was drawn for it (us), including cold extras. */
  get work(): number {
    return this.num(Col.Work);
  }
  /** Execution time drawn for it (us) before cold extras, as a load generator requests it; -1 until dispatched. */
  get requested(): number {
    return this.num(Col.Requested);
  }
  get outcome(): Outcome {
    return OUTCOMES[this.num(Col.Flags) >> 1]!;
  }
  get reason(): string {
    // Only an ended request that did not complete has a reason; the slot may hold an old one.
    return this.num(Col.Flags) >> 1 >= OutcomeCode.Dropped ? this.t.reason[this.row]! : '';
  }
  /** When compute started and ended (after input fetch, before output store); -1 until then. */
  get computeStart(): number {
    return this.num(Col.ComputeStart);
  }
  get computeEnd(): number {
    return this.num(Col.ComputeEnd);
  }
  /** Workflow context (opaque to the platform), or null for a plain request. */
  get flow(): unknown {
    return this.t.flow[this.row];
  }
}
