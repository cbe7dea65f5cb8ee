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

  constructor(
    readonly id: number,
    readonly fn: number,
    readonly arrival: number,
  ) {}
}
