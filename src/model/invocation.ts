// One request to a function, from arrival at the front-end to its single end: completed,
// dropped (never ran, with a reason) or failed (ran or was admitted, then failed, with a reason).

import type { Instance } from './instance.ts';

export type Outcome = 'pending' | 'completed' | 'dropped' | 'failed';

export class Invocation {
  /** Dispatch time (us), -1 until it starts executing. */
  dispatch = -1;
  end = -1;
  instance = -1;
  /** The instance it was dispatched to (the platform's handle; `instance` is its id). */
  host: Instance | null = null;
  node = -1;
  /** Start path of the cold start it waited for (`warm` if it ran on an existing instance). */
  startPath = 'warm';
  /** True if it was the first invocation of a freshly started instance it waited for. */
  cold = false;
  /** Execution time at full speed that was drawn for it (us), including cold extras. */
  work = 0;
  outcome: Outcome = 'pending';
  reason = '';
  /** When compute started and ended (after input fetch, before output store); -1 until then. */
  computeStart = -1;
  computeEnd = -1;
  /** Workflow context (opaque to the platform), or null for a plain request. */
  flow: unknown = null;
  /** Owned by the platform's pool: reused for a later request once it has ended. */
  pooled = false;

  constructor(
    public id: number,
    public fn: number,
    public arrival: number,
  ) {}

  /** Makes a pooled invocation a fresh request (every field as the constructor leaves it). */
  reset(id: number, fn: number, arrival: number): void {
    this.id = id;
    this.fn = fn;
    this.arrival = arrival;
    this.dispatch = -1;
    this.end = -1;
    this.instance = -1;
    this.host = null;
    this.node = -1;
    this.startPath = 'warm';
    this.cold = false;
    this.work = 0;
    this.outcome = 'pending';
    this.reason = '';
    this.computeStart = -1;
    this.computeEnd = -1;
    this.flow = null;
  }
}
