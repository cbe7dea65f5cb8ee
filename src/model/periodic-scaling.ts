// Periodic autoscaling, as Knative's KPA does it: on every tick the autoscaler reads each active
// function's concurrency averaged over the tick (requests in the system, integrated over time)
// and names the instance count it wants; the platform starts or retires instances to match.
// Request-driven scaling (a start per waiting request) stays in the control plane (platform.ts).
import type { Simulator } from '../engine/simulator.ts';
import type { AutoscalerPolicy } from './policy-interfaces.ts';
import type { FunctionState } from './function.ts';
import { PRIORITY } from './event-priority.ts';

/** What periodic scaling may ask of the platform. */
export interface ScalingActions {
  /** Starts one instance of `fn` where placement (or eviction) finds room; false when none does. */
  startOne(fn: FunctionState): boolean;
  /** Tears down up to `count` idle instances of `fn`, least recently used first. */
  retireIdle(fn: FunctionState, count: number): void;
  /** Requests that have arrived and not ended (ticks go on while any remain). */
  inFlight(): number;
}

export class PeriodicScaler {
  /** Functions the autoscaler must look at on its next tick. */
  private readonly active = new Set<FunctionState>();
  private lastTick = 0;
  private readonly kind: number;
  private readonly interval: number;

  /**
   * Registers the tick event and schedules the first tick. `horizon`: the run's arrival horizon;
   * ticks stop after it once nothing is left to scale.
   */
  constructor(
    private readonly sim: Simulator,
    private readonly autoscaler: AutoscalerPolicy,
    private readonly actions: ScalingActions,
    private readonly horizon: number,
  ) {
    const tick = autoscaler.tickInterval;
    if (autoscaler.onTick === undefined || tick === undefined) throw new Error('periodic scaling needs an autoscaler with onTick and tickInterval');
    if (!(tick > 0)) throw new Error(`autoscaler tick interval must be > 0, got ${tick}`);
    this.interval = tick;
    this.kind = sim.register('autoscaler-tick', () => this.onTick());
    sim.schedule(tick, this.kind, 0, 0, PRIORITY.tick);
  }

  /** A new instance of `fn` started: look at the function on the next tick. */
  track(fn: FunctionState): void {
    this.active.add(fn);
  }

  /** `delta` requests of `fn` entered (+) or left (-) the system now. */
  changeInSystem(fn: FunctionState, delta: number): void {
    const now = this.sim.now;
    fn.inSystemArea += fn.inSystem * (now - fn.inSystemSince);
    fn.inSystemSince = now;
    fn.inSystem += delta;
    this.active.add(fn);
  }

  private onTick(): void {
    const now = this.sim.now;
    const as = this.autoscaler;
    const interval = now - this.lastTick;
    this.lastTick = now;
    for (const fn of [...this.active]) {
      fn.inSystemArea += fn.inSystem * (now - fn.inSystemSince);
      fn.inSystemSince = now;
      const concurrency = interval > 0 ? fn.inSystemArea / interval : 0;
      fn.inSystemArea = 0;
      const ready = fn.instances - fn.startingSlots / fn.concurrency;
      const desired = as.onTick!(fn, { queued: fn.queue.length, startingSlots: fn.startingSlots, instances: fn.instances, concurrency, ready }, now);
      if (desired > fn.instances) {
        // Requests already waiting take the new slots when the instances are ready.
        for (let i = fn.instances; i < desired; i++) if (!this.actions.startOne(fn)) break;
      } else if (desired < fn.instances) {
        this.actions.retireIdle(fn, fn.instances - desired);
      }
      if (fn.instances === 0 && fn.inSystem === 0 && concurrency === 0) {
        this.active.delete(fn);
        as.forget?.(fn); // its window history is stale by the time it comes back
      }
    }
    if (this.active.size > 0 || this.actions.inFlight() > 0 || now < this.horizon) {
      this.sim.scheduleIn(this.interval, this.kind, 0, 0, PRIORITY.tick);
    }
  }
}
