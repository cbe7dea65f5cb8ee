// Policy interfaces: placement, autoscaling, keep-alive. Each policy lives in its own file under
// src/policy/<kind>/ and has a canonical name with its parameters, e.g. `fixed(ttl=10m)`.
import type { FunctionView, InstanceView, NodeView } from '../model/views.ts';

export interface PlacementPolicy {
  readonly name: string;
  /** Index of the node that should host a new instance of `fn`, or -1 if none has room. */
  place(fn: FunctionView, nodes: readonly NodeView[], now: number): number;
}

/** What the autoscaler sees of one function when demand changes. */
export interface DemandView {
  /** Requests waiting for an instance slot. */
  readonly queued: number;
  /** Free request slots on instances still starting. */
  readonly startingSlots: number;
  /** Live instances (starting, idle or busy). */
  readonly instances: number;
}

export interface AutoscalerPolicy {
  readonly name: string;
  /** Number of new instances of `fn` to start now, given its demand. */
  instancesToStart(fn: FunctionView, demand: DemandView, now: number): number;
}

export interface KeepAlivePolicy {
  readonly name: string;
  /** How long an instance that just became idle is kept (us); Infinity keeps it until evicted. */
  idleTimeout(instance: InstanceView, fn: FunctionView, now: number): number;
}
