// A function instance (a microVM or container): starting -> idle <-> busy -> dead. Its memory is
// held on its node from the moment it starts until it is torn down.
import type { StartOutcome } from './coldstart/start-path.ts';
import type { InstanceView } from './views.ts';

export const enum InstanceState {
  Starting = 0,
  Idle = 1,
  Busy = 2,
  Dead = 3,
}

export class Instance implements InstanceView {
  state: InstanceState = InstanceState.Starting;
  /** Invocations running on it now. */
  active = 0;
  served = 0;
  readyAt = -1;
  idleSince = -1;
  lastUsed = -1;
  /** Bumped whenever a pending keep-alive timer must no longer fire. */
  gen = 0;
  inAvailable = false;
  startOutcome: StartOutcome | null = null;
  prewarmed = false;

  constructor(
    readonly id: number,
    readonly fn: number,
    readonly node: number,
    readonly memoryMiB: number,
    readonly startedAt: number,
  ) {}
}
