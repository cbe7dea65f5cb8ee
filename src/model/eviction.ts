// Eviction of idle instances when a new instance finds no node with room: the node that needs the
// least memory reclaimed, then its idle instances in the keep-alive policy's eviction order
// (least recently used by default; FaasCache's Greedy-Dual priority, Fuerst and Sharma, ASPLOS '21,
// where the policy gives one). An instance holding data a receiver has yet to pull (XDT) is not
// evictable, and neither is a warm instance of the function that needs the room.
import type { Simulator } from '../engine/simulator.ts';
import type { KeepAlivePolicy } from './policy-interfaces.ts';
import type { FunctionState } from './function.ts';
import type { Instance } from './instance.ts';
import type { Node } from './node.ts';

export interface EvictionConfig {
  readonly nodes: readonly Node[];
  readonly functions: readonly FunctionState[];
  readonly keepAlive: KeepAlivePolicy;
  /** -1 if the instance may be reclaimed now, else the time until which it must stay (null: nothing holds instances). */
  readonly holdUntil: ((inst: Instance) => number) | null;
  /** Tears the chosen victim down (the platform's teardown, reason 'evicted'). */
  readonly evict: (inst: Instance) => void;
}

export class Eviction {
  constructor(
    private readonly sim: Simulator,
    private readonly cfg: EvictionConfig,
  ) {}

  /** May `inst` be evicted (to make room for function `forFn`, or -1 for none in particular)? */
  evictable(inst: Instance, forFn = -1): boolean {
    // Evicting a warm instance of the function that needs room would trade warm for cold.
    if (inst.fn === forFn) return false;
    const hold = this.cfg.holdUntil;
    return hold === null || hold(inst) <= this.sim.now;
  }

  /** Memory of the idle instances on `node` that could be evicted to make room for `forFn`. */
  private evictableIdleMiB(node: Node, forFn: number): number {
    let sum = 0;
    const idle = node.idle;
    for (let i = 0; i < idle.memberCount; i++) {
      const inst = idle.member(i);
      if (inst.idleListed && this.evictable(inst, forFn)) sum += inst.memoryMiB;
    }
    return sum;
  }

  /**
   * Makes room for a new instance of `fn` by evicting idle instances on the node that needs the
   * least memory reclaimed. Returns that node's index, or -1 (nothing evicted) when no node can
   * free enough.
   */
  makeRoom(fn: FunctionState): number {
    let best = -1;
    let bestShortfall = Infinity;
    for (const node of this.cfg.nodes) {
      const shortfall = fn.memoryMiB - node.freeMiB;
      if (
        shortfall < bestShortfall &&
        node.freeMiB + node.idle.memoryMiB >= fn.memoryMiB && // cheap bound before the exact sum
        node.freeMiB + this.evictableIdleMiB(node, fn.index) >= fn.memoryMiB
      ) {
        best = node.index;
        bestShortfall = shortfall;
      }
    }
    if (best < 0) return -1;
    const node = this.cfg.nodes[best]!;
    const ka = this.cfg.keepAlive;
    const functions = this.cfg.functions;
    const eligible = (inst: Instance) => this.evictable(inst, fn.index);
    const priority = ka.evictionPriority ? (inst: Instance) => ka.evictionPriority!(inst, functions[inst.fn]!, this.sim.now) : null; // least recently used first
    while (node.freeMiB < fn.memoryMiB) {
      const victim = node.idle.pick(eligible, priority);
      ka.onEvict?.(victim!, functions[victim!.fn]!, this.sim.now);
      this.cfg.evict(victim!);
    }
    return best;
  }
}
