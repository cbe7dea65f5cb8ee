import { describe, expect, it } from 'vitest';
import { buildPlacement } from '../../src/policy/registry.ts';
import { RandomStreams } from '../../src/engine/random.ts';
import type { FunctionView, NodeView } from '../../src/model/views.ts';
import { FleetTable } from '../../src/model/fleet-table.ts';
import { Node } from '../../src/model/node.ts';
import { leastLoaded } from '../../src/policy/placement/least-loaded.ts';

const fn: FunctionView = { index: 0, name: 'f', app: 'f', memoryMiB: 512, vcpus: 1, concurrency: 1, meanExecutionUs: 1, instances: 0 };
const node = (index: number, usedMiB: number, busyVcpus = 0, warmth = 0): NodeView => ({
  index, cores: 4, memoryMiB: 1024, usedMiB, busyVcpus, instanceCount: 0, snapshotWarmth: () => warmth,
});

describe('placement policies', () => {
  const nodes = [node(0, 800), node(1, 0, 3), node(2, 256, 1), node(3, 0, 0)];

  it('least-loaded picks the lowest CPU load among nodes that fit', () => {
    expect(buildPlacement('least-loaded').place(fn, nodes, 0)).toBe(3);
  });

  it('first-fit packs onto the lowest-indexed node that fits', () => {
    expect(buildPlacement('first-fit').place(fn, nodes, 0)).toBe(1);
  });

  it('round-robin rotates over nodes that fit', () => {
    const p = buildPlacement('round-robin');
    expect([0, 1, 2, 3, 4].map(() => p.place(fn, nodes, 0))).toEqual([1, 2, 3, 1, 2]);
  });

  it('random is uniform over nodes that fit and deterministic per seed', () => {
    const draw = (seed: number) => {
      const rng = new RandomStreams(seed);
      const p = buildPlacement('random', { random: (n) => rng.stream(n) });
      return Array.from({ length: 3000 }, () => p.place(fn, nodes, 0));
    };
    const a = draw(1);
    expect(draw(1)).toEqual(a);
    expect(a).not.toContain(0);
    for (const i of [1, 2, 3]) expect(Math.abs(a.filter((x) => x === i).length / 3000 - 1 / 3)).toBeLessThan(0.03);
  });

  it('cache-aware prefers page-cache-warm, then WS-file nodes, and falls back to least-loaded', () => {
    const p = buildPlacement('cache-aware');
    expect(p.place(fn, [node(0, 0, 0, 0), node(1, 0, 3, 1), node(2, 0, 2, 2), node(3, 900, 0, 2)], 0)).toBe(2);
    expect(p.place(fn, [node(0, 0, 1, 0), node(1, 0, 3, 1)], 0)).toBe(1);
    expect(p.place(fn, nodes, 0)).toBe(3); // nothing warm: least-loaded
  });

  it('returns -1 when nothing fits', () => {
    expect(buildPlacement('first-fit').place({ ...fn, memoryMiB: 2048 }, nodes, 0)).toBe(-1);
  });

  it('least-loaded over the fleet table picks what the scan over nodes picks', () => {
    // Real nodes keep the table current; ties in load (equal busy/cores) and in free memory occur.
    const rng = new RandomStreams(3).stream('fleet');
    for (let trial = 0; trial < 200; trial++) {
      const table = new FleetTable(12);
      const real = Array.from({ length: 12 }, (_, i) => new Node(i, 0, [4, 8, 16][i % 3]!, 2048, 'processor-sharing', table));
      for (const n of real) {
        n.usedMiB = 256 * Math.floor(rng.next() * 9);
        const jobs = Math.floor(rng.next() * 6);
        for (let j = 0; j < jobs; j++) n.cpu.start(0, j, 1000, [1, 2][Math.floor(rng.next() * 2)]!);
      }
      const want = { ...fn, memoryMiB: 256 * (1 + Math.floor(rng.next() * 6)) };
      const p = buildPlacement('least-loaded');
      expect(p.place(want, real, 0, table)).toBe(leastLoaded(want, real));
      expect(p.place(want, real, 0)).toBe(leastLoaded(want, real));
    }
  });
});
