// One request to a function, from arrival at the front-end to its single end: completed,
// dropped (never ran, with a reason) or failed (ran or was admitted, then failed, with a reason).

import type { Instance } from './instance.ts';

export type Outcome = 'pending' | 'completed' | 'dropped' | 'failed';

export class Invocation {
  // Every field is set by reset(), which the constructor calls: one list of initial values for a
  // new request and for a pooled one reused. `declare` emits no field definitions, so the first
  // stores give each field its number representation (a pre-defined undefined would box them).
  declare id: number;
  declare fn: number;
  declare arrival: number;
  /** Dispatch time (us), -1 until it starts executing. */
  declare dispatch: number;
  declare end: number;
  declare instance: number;
  /** The instance it was dispatched to (the platform's handle; `instance` is its id). */
  declare host: Instance | null;
  declare node: number;
  /** Start path of the cold start it waited for (`warm` if it ran on an existing instance). */
  declare startPath: string;
  /** True if it was the first invocation of a freshly started instance it waited for. */
  declare cold: boolean;
  /** Execution time at full speed that was drawn for it (us), including cold extras. */
  declare work: number;
  declare outcome: Outcome;
  declare reason: string;
  /** When compute started and ended (after input fetch, before output store); -1 until then. */
  declare computeStart: number;
  declare computeEnd: number;
  /** Workflow context (opaque to the platform), or null for a plain request. */
  declare flow: unknown;
  /** Owned by the platform's pool: reused for a later request once it has ended. */
  pooled = false;

  constructor(id: number, fn: number, arrival: number) {
    this.reset(id, fn, arrival);
  }

  /** Makes this a fresh request (a new one, or a pooled one reused). */
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
