// A function instance (a microVM or container): starting -> idle <-> busy -> dead. Its memory is
// held on its node from the moment it starts until it is torn down.
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
  /** Generation of the one valid keep-alive timer; older timers are stale. */
  gen = 0;
  /** Time of the pending keep-alive timer, or -1 if none. */
  timerAt = -1;
  inAvailable = false;
  /** Extra work of its first invocation (StartOutcome.firstInvocationExtra); the rest of the
   * start's outcome is not kept: per instance it was ~300 bytes of phase records. */
  firstInvocationExtraUs = 0;
  prewarmed = false;
  /** When its keep-alive ends while idle (Infinity: kept until evicted). */
  expiresAt = Infinity;
  /** Listed idle on its node, when it went idle there (a per-node stamp), and its place among
   * the node's members (-1: none); see IdleList. */
  idleListed = false;
  idleStamp = 0;
  memberIndex = -1;
  /** Rows bound to it while it starts (platform.coldBinding = bound). */
  readonly bound: number[] = [];
  /** Requests executing, and rows accepted but waiting for a worker (platform.instanceParallelism). */
  running = 0;
  readonly backlog: number[] = [];

  constructor(
    readonly id: number,
    readonly fn: number,
    readonly node: number,
    readonly memoryMiB: number,
    readonly startedAt: number,
  ) {}
}
