import { describe, expect, it } from 'vitest';
import { buildPlacement } from '../../src/policy/registry.ts';
import { RandomStreams } from '../../src/engine/random.ts';
import type { FleetView, FunctionView } from '../../src/model/views.ts';
import { FleetTable } from '../../src/model/fleet-table.ts';
import { Node } from '../../src/model/node.ts';

const fn: FunctionView = { index: 0, name: 'f', app: 'f', memoryMiB: 512, vcpus: 1, concurrency: 1, meanExecutionUs: 1, instances: 0 };

interface NodeSpec {
  readonly usedMiB: number;
  readonly busyVcpus?: number;
  readonly warmth?: number;
}
/** A fleet of 4-core, 1 GiB nodes as placement sees it. */
const fleetOf = (...nodes: NodeSpec[]): FleetView => ({
  count: nodes.length,
  freeMiB: Float64Array.from(nodes, (n) => 1024 - n.usedMiB),
  busyVcpus: Float64Array.from(nodes, (n) => n.busyVcpus ?? 0),
  cores: Float64Array.from(nodes, () => 4),
  snapshotWarmth: (_fn, node) => nodes[node]!.warmth ?? 0,
});
const node = (usedMiB: number, busyVcpus = 0, warmth = 0): NodeSpec => ({ usedMiB, busyVcpus, warmth });

describe('placement policies', () => {
  const nodes = fleetOf(node(800), node(0, 3), node(256, 1), node(0, 0));

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
    expect(p.place(fn, fleetOf(node(0, 0, 0), node(0, 3, 1), node(0, 2, 2), node(900, 0, 2)), 0)).toBe(2);
    expect(p.place(fn, fleetOf(node(0, 1, 0), node(0, 3, 1)), 0)).toBe(1);
    expect(p.place(fn, nodes, 0)).toBe(3); // nothing warm: least-loaded
  });

  it('returns -1 when nothing fits', () => {
    expect(buildPlacement('first-fit').place({ ...fn, memoryMiB: 2048 }, nodes, 0)).toBe(-1);
  });

  it('least-loaded and cache-aware choose as a sort by (warmth desc, load asc, free desc, index asc) over the nodes that fit', () => {
    // Real nodes keep the table current; ties in load (equal busy/cores), free memory and warmth occur.
    const rng = new RandomStreams(3).stream('fleet');
    for (let trial = 0; trial < 200; trial++) {
      const warmth = Array.from({ length: 12 }, () => Math.floor(rng.next() * 3));
      const table = new FleetTable(12, (_fn, node) => warmth[node]!);
      const real = Array.from({ length: 12 }, (_, i) => new Node(i, 0, [4, 8, 16][i % 3]!, 2048, 'processor-sharing', table));
      for (const n of real) {
        n.usedMiB = 256 * Math.floor(rng.next() * 9);
        const jobs = Math.floor(rng.next() * 6);
        for (let j = 0; j < jobs; j++) n.cpu.start(0, j, 1000, [1, 2][Math.floor(rng.next() * 2)]!);
      }
      const want = { ...fn, memoryMiB: 256 * (1 + Math.floor(rng.next() * 6)) };
      const reference = (preferWarm: boolean) => {
        const fits = real.filter((n) => n.freeMiB >= want.memoryMiB);
        fits.sort(
          (a, b) =>
            (preferWarm ? warmth[b.index]! - warmth[a.index]! : 0) ||
            a.busyVcpus / a.cores - b.busyVcpus / b.cores ||
            b.freeMiB - a.freeMiB ||
            a.index - b.index,
        );
        return fits[0]?.index ?? -1;
      };
      expect(buildPlacement('least-loaded').place(want, table, 0)).toBe(reference(false));
      expect(buildPlacement('cache-aware').place(want, table, 0)).toBe(reference(true));
    }
  });

  it('a fleet table without a start path reports every node cold', () => {
    expect(new FleetTable(2).snapshotWarmth(0, 1)).toBe(0);
  });
});
