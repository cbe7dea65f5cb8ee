import { describe, expect, it } from 'vitest';
import { buildPlacement } from '../../src/policy/registry.ts';
import { RandomStreams } from '../../src/engine/random.ts';
import type { FunctionView, NodeView } from '../../src/model/views.ts';

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
});
