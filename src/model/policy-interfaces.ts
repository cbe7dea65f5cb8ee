// The interfaces the platform calls its policies through (placement, autoscaling, keep-alive and
// eviction), beside the views they read: the model owns both, so policy/ depends on model/ and
// never the other way. Each policy lives in its own file under src/policy/<kind>/ and has a
// canonical name with its parameters, e.g. `fixed(ttl=10m)`.
import type { FleetView, FunctionView, InstanceView } from './views.ts';

export interface PlacementPolicy {
  readonly name: string;
  /** Index of the node in `fleet` that should host a new instance of `fn`, or -1 if none has room. */
  place(fn: FunctionView, fleet: FleetView, now: number): number;
}

/** What the autoscaler sees of one function when demand changes. */
export interface DemandView {
  /** Requests waiting for an instance slot. */
  readonly queued: number;
  /** Free request slots on instances still starting. */
  readonly startingSlots: number;
  /** Live instances (starting, idle or busy). */
  readonly instances: number;
  /** Requests one new instance takes off the queue, if not the function's concurrency. */
  readonly slotsPerInstance?: number;
}

/** What a periodic autoscaler sees of one function at a tick. */
export interface TickView extends DemandView {
  /** Time-averaged concurrency (running + queued requests) over the last tick interval. */
  readonly concurrency: number;
  /** Ready instances (idle or busy). */
  readonly ready: number;
}

export interface AutoscalerPolicy {
  readonly name: string;
  /** Number of new instances of `fn` to start now, given its demand (on arrivals). */
  instancesToStart(fn: FunctionView, demand: DemandView, now: number): number;
  /** Period of `onTick` (us), for autoscalers that decide on a clock (Knative KPA). */
  readonly tickInterval?: number;
  /** Desired number of instances of `fn` after a tick; the platform starts or retires to match. */
  onTick?(fn: FunctionView, view: TickView, now: number): number;
  /** `fn` went idle at zero and is no longer ticked: drop its history. */
  forget?(fn: FunctionView): void;
  /** Extra statistics for the summary (e.g. KPA panic entries). */
  stats?(): Record<string, number>;
  /** The names in `stats()` that are levels, not counts: a divided fleet's cells merge them by maximum, not by sum. */
  readonly levelStats?: readonly string[];
}

export interface KeepAlivePolicy {
  readonly name: string;
  /** How long an instance that just became idle is kept (us); Infinity keeps it until evicted. */
  idleTimeout(instance: InstanceView, fn: FunctionView, now: number): number;
  /** A request for `fn` arrived (policies that learn from arrival patterns). */
  onArrival?(fn: FunctionView, now: number): void;
  /**
   * After `fn`'s last instance was unloaded, the delay (us) after which to pre-warm a new one,
   * or -1 for none (hybrid histogram policy).
   */
  prewarmAfter?(fn: FunctionView, now: number): number;
  /** Eviction order under memory pressure: the idle instance with the lowest value goes first. */
  evictionPriority?(instance: InstanceView, fn: FunctionView, now: number): number;
  /** `instance` was evicted (Greedy-Dual advances its clock). */
  onEvict?(instance: InstanceView, fn: FunctionView, now: number): void;
  /** Extra statistics for the summary (e.g. how often each pattern branch was taken). */
  stats?(): Record<string, number>;
  /** The names in `stats()` that are levels, not counts: a divided fleet's cells merge them by maximum, not by sum. */
  readonly levelStats?: readonly string[];
}

/** What policy factories may use: named random streams (e.g. random placement). */
export interface PolicyContext {
  readonly random: (name: string) => { next(): number };
}
