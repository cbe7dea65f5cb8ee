// Sweep expansion (cartesian product, zip groups, seeds), run ids and folder names, and shards
// that partition the runs.
import { afterAll, describe, expect, it } from 'vitest';
import { combinations, expandPoints, seedList } from '../../src/experiments/expand.ts';
import { loadSweep } from '../../src/experiments/load-sweep.ts';
import { parseShard, shardRuns } from '../../src/experiments/shard.ts';
import { runFolderName, runId, shortName } from '../../src/experiments/slug.ts';
import { InputError } from '../../src/input/errors.ts';
import { cleanup, SWEEP, writeSweep } from './fixtures.ts';

afterAll(cleanup);

describe('expansion', () => {
  const a = { path: 'a', values: [1, 2] };
  const b = { path: 'b', values: ['x', 'y', 'z'] };
  const c = { path: 'c', values: [true, false, null] };

  it('crosses axes with the first axis slowest', () => {
    expect(combinations([a, b], [])).toEqual([
      [1, 'x'],
      [1, 'y'],
      [1, 'z'],
      [2, 'x'],
      [2, 'y'],
      [2, 'z'],
    ]);
    expect(combinations([], [])).toEqual([[]]);
  });

  it('moves zipped axes together, at the place of the first member', () => {
    expect(combinations([b, a, c], [['b', 'c']])).toEqual([
      ['x', 1, true],
      ['x', 2, true],
      ['y', 1, false],
      ['y', 2, false],
      ['z', 1, null],
      ['z', 2, null],
    ]);
  });

  it('repeats every combination for each seed, seeds innermost', () => {
    expect(seedList({ count: 3, from: 5 })).toEqual([5, 6, 7]);
    expect(seedList([9, 4])).toEqual([9, 4]);
    const points = expandPoints([a], [], [7, 8]);
    expect(points).toEqual([
      { values: [1], seed: 7 },
      { values: [1], seed: 8 },
      { values: [2], seed: 7 },
      { values: [2], seed: 8 },
    ]);
  });

  it('names runs with sortable ids and readable, shell-safe folders', () => {
    expect(runId(7, 12)).toBe('run-0007');
    expect(runId(7, 123456)).toBe('run-000007');
    expect(shortName('fleet.nodes[0].count')).toBe('count');
    const folder = runFolderName('run-0003', ['policies.keepAlive', 'fleet.nodes[0].count'], ['fixed(ttl=5m)', 4], 2);
    expect(folder).toBe('run-0003_keepAlive=fixed-ttl=5m_count=4_seed=2');
    expect(runFolderName('run-0000', ['x'], [{ poisson: { rate: '5/s' } }], 1)).toMatch(/^run-0000_x=[A-Za-z0-9.=+-]+_seed=1$/);
  });

  it('expands a sweep file into validated runs with a stable order, ids and hash', () => {
    const plan = loadSweep(writeSweep());
    expect(plan.runs).toHaveLength(3 * 2 * 2);
    expect(plan.runs.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => runId(i, 12)));
    expect(plan.runs[5]!.values).toEqual(['fixed(ttl=30s)', 1]);
    expect(plan.runs[5]!.seed).toBe(2);
    expect(plan.runs[5]!.scenario.policies.keepAlive).toBe('fixed(ttl=30s)');
    expect(plan.runs[5]!.scenario.fleet.nodes[0]!.count).toBe(1);
    expect(plan.runs[5]!.scenario.seed).toBe(2);
    expect(new Set(plan.runs.map((r) => r.folder)).size).toBe(12);
    // Same sweep, same hash; any change to what is run changes it.
    expect(loadSweep(writeSweep()).hash).toBe(plan.hash);
    expect(loadSweep(writeSweep({ ...SWEEP, seeds: [1, 3] })).hash).not.toBe(plan.hash);
  });

  it('zip and seed ranges in a sweep file; without seeds, the base seed', () => {
    const plan = loadSweep(
      writeSweep({
        ...SWEEP,
        axes: { 'fleet.nodes[0].count': [1, 2, 3], 'fleet.nodes[0].cores': [8, 4, 2], duration: ['30s', '1m'] },
        zip: [['fleet.nodes[0].count', 'fleet.nodes[0].cores']],
        seeds: { count: 2, from: 10 },
      }),
    );
    expect(plan.runs.map((r) => [...r.values, r.seed])).toEqual(
      [
        [1, 8],
        [2, 4],
        [3, 2],
      ].flatMap((nc) => ['30s', '1m'].flatMap((d) => [10, 11].map((s) => [...nc, d, s]))),
    );
    const single = loadSweep(writeSweep({ ...SWEEP, seeds: undefined, axes: { 'policies.keepAlive': ['none'] } }));
    expect(single.runs.map((r) => r.seed)).toEqual([3]);
  });
});

describe('shards', () => {
  it('parses i/n, 1-based, and rejects anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/2', '1.5/2']) {
      expect(() => parseShard(bad), bad).toThrow(InputError);
    }
  });

  it('every partition covers every run exactly once', () => {
    for (let total = 0; total <= 13; total++) {
      const runs = Array.from({ length: total }, (_, index) => ({ index }));
      for (let n = 1; n <= 7; n++) {
        const seen = new Array<number>(total).fill(0);
        const sizes: number[] = [];
        for (let i = 1; i <= n; i++) {
          const part = shardRuns(runs, { index: i, count: n });
          sizes.push(part.length);
          for (const r of part) seen[r.index]!++;
        }
        expect(
          seen.every((c) => c === 1),
          `${total} runs in ${n} shards`,
        ).toBe(true);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1); // balanced
      }
    }
  });
});
