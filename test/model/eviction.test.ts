// The eviction search: the node that needs the least memory reclaimed, victims least recently idle
// first (or by the keep-alive policy's priority), never a warm instance of the function that
// needs the room, never one held past now.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.ts';
import { Eviction } from '../../src/model/eviction.ts';
import { FleetTable } from '../../src/model/fleet-table.ts';
import type { FunctionState } from '../../src/model/function.ts';
import { Instance } from '../../src/model/instance.ts';
import { Node } from '../../src/model/node.ts';
import type { KeepAlivePolicy } from '../../src/model/policy-interfaces.ts';

// Eviction reads a function's index and memory only: a stand-in, not a full FunctionState.
const fnOf = (index: number, memoryMiB: number) => ({ index, memoryMiB }) as unknown as FunctionState;

function fleet(keepAlive: KeepAlivePolicy = { idleTimeout: () => 0 } as unknown as KeepAlivePolicy, holdUntil: ((i: Instance) => number) | null = null) {
  const table = new FleetTable(2);
  const nodes = [0, 1].map((i) => new Node(i, 0, 4, 1024, 'processor-sharing', table));
  const functions = [0, 1, 2].map((i) => fnOf(i, 0));
  const evicted: number[] = [];
  let id = 0;
  const idle = (node: number, fn: number, mib: number) => {
    const inst = new Instance(id++, fn, node, mib, 0);
    nodes[node]!.reserve(mib, 0);
    nodes[node]!.idle.add(inst);
    return inst;
  };
  const eviction = new Eviction(new Simulator(), {
    nodes,
    functions,
    keepAlive,
    holdUntil,
    evict: (inst) => {
      evicted.push(inst.id);
      nodes[inst.node]!.idle.forget(inst);
      nodes[inst.node]!.unreserve(inst.memoryMiB, 0);
    },
  });
  // Memory held by busy instances, which eviction cannot take.
  const busy = (node: number, mib: number) => nodes[node]!.reserve(mib, 0);
  return { nodes, evicted, idle, busy, eviction };
}

describe('Eviction', () => {
  it('frees the node with the least to reclaim, least recently idle first, and no more than needed', () => {
    const f = fleet();
    f.idle(0, 1, 400); // id 0, idle first
    f.idle(0, 2, 300); // id 1
    f.idle(1, 1, 900); // id 2: node 1 has 124 MiB free, node 0 324
    expect(f.eviction.makeRoom(fnOf(0, 600))).toBe(0);
    expect(f.evicted).toEqual([0]);
  });

  it('keeps warm instances of the function that needs the room, and instances held past now', () => {
    const f = fleet();
    f.idle(0, 0, 400); // the function's own: not evictable
    f.idle(0, 2, 300);
    f.busy(1, 1000);
    expect(f.eviction.makeRoom(fnOf(0, 600))).toBe(0);
    expect(f.evicted).toEqual([1]);
    const held = fleet(undefined, () => 1);
    held.idle(0, 1, 1024);
    held.busy(1, 1000);
    expect(held.eviction.makeRoom(fnOf(0, 600))).toBe(-1);
    expect(held.evicted).toEqual([]);
  });

  it("takes victims in the keep-alive policy's priority order when it gives one", () => {
    const ka = { idleTimeout: () => 0, evictionPriority: (inst: { fn: number }) => -inst.fn } as unknown as KeepAlivePolicy;
    const f = fleet(ka);
    f.idle(0, 1, 400);
    f.idle(0, 2, 400); // highest fn, lowest priority: first out
    f.busy(1, 1000);
    expect(f.eviction.makeRoom(fnOf(0, 500))).toBe(0);
    expect(f.evicted).toEqual([1]);
  });
});
