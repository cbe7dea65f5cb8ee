import { describe, expect, it } from 'vitest';
import { KeySorter } from '../../src/workload/bucket-sort.ts';
import { RandomStreams } from '../../src/engine/random.ts';

describe('KeySorter', () => {
  const rng = new RandomStreams(11).stream('keys');

  function check(sorter: KeySorter, keys: number[], limit: number): void {
    const buf = new Float64Array(keys.length + 7);
    buf.set(keys);
    buf.fill(-5, keys.length); // past n: must be left out of the sort
    const out = sorter.sort(buf, keys.length, limit);
    expect([...out.subarray(0, keys.length)]).toEqual([...Float64Array.from(keys).sort()]);
  }

  it('sorts packed minute keys as the native sort does, reusing its scratch', () => {
    const sorter = new KeySorter();
    const span = 10_000;
    const limit = 60_000_000 * span;
    for (const n of [0, 1, 100, 511, 512, 5_000, 40_000]) {
      const keys = Array.from({ length: n }, () => Math.floor(rng.next() * 60_000_000) * span + Math.floor(rng.next() * span));
      check(sorter, keys, limit);
    }
  });

  it('handles duplicates, clustered keys, keys at the ends of the range and outside it', () => {
    const sorter = new KeySorter();
    const limit = 1_000_000;
    const clustered = Array.from({ length: 3_000 }, () => 500_000 + Math.floor(rng.next() * 10));
    check(sorter, clustered, limit);
    const edges = Array.from({ length: 2_000 }, (_, i) => [0, limit - 1, limit + 5, -3, 7][i % 5]!);
    check(sorter, edges, limit);
    const descending = Array.from({ length: 4_096 }, (_, i) => limit - 1 - i * 200);
    check(sorter, descending, limit);
  });
});
