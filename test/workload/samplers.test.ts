// Samplers: deterministic for a seed, and faithful to their definitions.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { popularityQuartiles, sampleFunctions } from '../../src/workload/samplers.ts';

const totals = Array.from({ length: 1000 }, (_, i) => Math.floor(10 ** (((i * 7919) % 1000) / 125))); // spans 8 decades, shuffled
const rng = (seed: number) => new RandomStreams(seed).stream('sample');

describe('sampleFunctions', () => {
  it('all and undefined keep everything', () => {
    expect(sampleFunctions(totals, { all: true }, rng(1)).length).toBe(1000);
    expect(sampleFunctions(totals, undefined, rng(1))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('random: k distinct ascending indices, deterministic per seed', () => {
    const a = sampleFunctions(totals, { random: 50 }, rng(1));
    expect(a.length).toBe(50);
    expect(new Set(a).size).toBe(50);
    expect(a.every((x, i) => i === 0 || x > a[i - 1]!)).toBe(true);
    expect(sampleFunctions(totals, { random: 50 }, rng(1))).toEqual(a);
    expect(sampleFunctions(totals, { random: 50 }, rng(2))).not.toEqual(a);
    expect(sampleFunctions(totals, { random: 5000 }, rng(1)).length).toBe(1000);
  });

  it('random is uniform: every index is about equally likely', () => {
    const hits = new Array<number>(20).fill(0);
    for (let s = 0; s < 2000; s++) for (const i of sampleFunctions(new Array(20).fill(1), { random: 5 }, rng(s))) hits[i]!++;
    for (const h of hits) expect(Math.abs(h - 500)).toBeLessThan(90);
  });

  it('top: the k most invoked, ties broken by lower index', () => {
    const t = [5, 9, 9, 1, 9, 3];
    expect(sampleFunctions(t, { top: 2 }, rng(1))).toEqual([1, 2]);
    expect(sampleFunctions(t, { top: 4 }, rng(1))).toEqual([0, 1, 2, 4]);
    const top = sampleFunctions(totals, { top: 10 }, rng(1));
    const min = Math.min(...top.map((i) => totals[i]!));
    expect(totals.filter((x) => x > min).length).toBeLessThan(10);
  });

  it('representative: equal draws from the four popularity quartiles', () => {
    const q = popularityQuartiles(totals);
    expect([0, 1, 2, 3].map((k) => q.filter((x) => x === k).length)).toEqual([250, 250, 250, 250]);
    // Quartiles are ordered by popularity: every total in quartile k is <= every total in k+1.
    for (let k = 0; k < 3; k++) {
      const maxK = Math.max(...totals.filter((_, i) => q[i] === k));
      const minNext = Math.min(...totals.filter((_, i) => q[i] === k + 1));
      expect(maxK).toBeLessThanOrEqual(minNext);
    }
    const pick = sampleFunctions(totals, { representative: 40 }, rng(3));
    expect([0, 1, 2, 3].map((k) => pick.filter((i) => q[i] === k).length)).toEqual([10, 10, 10, 10]);
    expect(sampleFunctions(totals, { representative: 40 }, rng(3))).toEqual(pick);
    // A remainder goes to the most popular quartiles first.
    const odd = sampleFunctions(totals, { representative: 42 }, rng(3));
    expect([0, 1, 2, 3].map((k) => odd.filter((i) => q[i] === k).length)).toEqual([10, 10, 11, 11]);
    // Asking for more than exist takes everything, once.
    expect(sampleFunctions([1, 2, 3], { representative: 40 }, rng(3))).toEqual([0, 1, 2]);
  });

  it('rejects negative or fractional sizes', () => {
    expect(() => sampleFunctions(totals, { random: -1 }, rng(1))).toThrow(RangeError);
    expect(() => sampleFunctions(totals, { top: 1.5 }, rng(1))).toThrow(RangeError);
  });
});
