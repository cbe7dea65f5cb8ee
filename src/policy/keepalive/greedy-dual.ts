// Greedy-Dual keep-alive of FaasCache (Fuerst & Sharma, ASPLOS'21): idle instances stay until
// memory is needed; the one with the lowest priority = clock + frequency x (cold time - warm
// time) / memory is evicted, and the clock advances to the evicted priority (ageing).
import type { FunctionView, InstanceView } from '../../model/views.ts';
import type { KeepAlivePolicy } from '../../model/policy-interfaces.ts';

export class GreedyDualKeepAlive implements KeepAlivePolicy {
  readonly name = 'greedy-dual';
  /** The Greedy-Dual clock (priority of the last eviction). */
  clock = 0;
  /**
   * Invocations of each function since it last had no live instance, FaasCache's frequency
   * (reset when the function leaves the "cache" entirely, so that old popularity fades).
   */
  private readonly frequency = new Map<number, number>();
  /** Priority fixed at each instance's last use, by instance id. */
  private readonly priority = new Map<number, number>();
  evictions = 0;

  idleTimeout(inst: InstanceView, fn: FunctionView): number {
    // Priority is set when the instance becomes idle (its last access), as in FaasCache. The
    // cost of losing it is cold time - warm time: the start (start to ready) plus what a first
    // invocation adds on a fresh instance.
    const freq = this.frequency.get(fn.index) ?? 1;
    const startUs = inst.readyAt >= 0 ? inst.readyAt - inst.startedAt : 0;
    const benefit = Math.max(0, startUs + inst.firstInvocationExtraUs) + 1; // +1 us: never zero
    this.priority.set(inst.id, this.clock + (freq * benefit) / fn.memoryMiB);
    return Infinity;
  }

  onArrival(fn: FunctionView): void {
    this.frequency.set(fn.index, (this.frequency.get(fn.index) ?? 0) + 1);
  }

  evictionPriority(inst: InstanceView): number {
    return this.priority.get(inst.id) ?? this.clock;
  }

  onEvict(inst: InstanceView, fn: FunctionView): void {
    const p = this.priority.get(inst.id);
    if (p !== undefined && p > this.clock) this.clock = p;
    this.priority.delete(inst.id);
    this.evictions++;
    if (fn.instances <= 1) this.frequency.delete(fn.index); // its last instance leaves the cache
  }

  /** The clock is the inflation level reached, not a count (FaasCache). */
  readonly levelStats: readonly string[] = ['clock'];

  stats(): Record<string, number> {
    return { clock: this.clock, evictions: this.evictions };
  }
}
