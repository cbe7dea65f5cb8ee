// Placement of a minute's arrivals: vHive loader semantics (gaps scaled to fill the minute, first
// arrival at the minute start unless shifted) and FaasCache's evenly spaced placement.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import type { ArrivalMode } from '../../src/workload/trace-types.ts';
import { MINUTE_US, placeInMinute } from '../../src/workload/within-minute.ts';

const place = (mode: ArrivalMode, n: number, shift: boolean, seed = 1): number[] => {
  const out = new Float64Array(n);
  placeInMinute(mode, n, shift, new RandomStreams(seed).stream('arrivals/f'), out);
  return Array.from(out);
};

const ascendingInMinute = (xs: number[]): boolean => xs.every((x, i) => Number.isInteger(x) && x >= 0 && x < MINUTE_US && (i === 0 || x >= xs[i - 1]!));

describe('placeInMinute', () => {
  it('equidistant and faascache put arrival k at k * 60 s / n', () => {
    expect(place('equidistant', 4, false)).toEqual([0, 15e6, 30e6, 45e6]);
    expect(place('faascache', 3, false)).toEqual([0, 20e6, 40e6]);
    // FaasCache never shifts.
    expect(place('faascache', 3, true)).toEqual([0, 20e6, 40e6]);
    expect(place('equidistant', 1, false)).toEqual([0]);
  });

  it('unshifted exponential and uniform start at 0 and keep the n-th gap inside the minute', () => {
    for (const mode of ['exponential', 'uniform'] as const) {
      for (const n of [1, 2, 7, 500]) {
        const xs = place(mode, n, false, n);
        expect(xs.length).toBe(n);
        expect(xs[0]).toBe(0);
        expect(ascendingInMinute(xs)).toBe(true);
      }
    }
  });

  it('exponential gaps look exponential (CV near 1), uniform gaps do not', () => {
    const cv = (xs: number[]): number => {
      const g = xs.slice(1).map((x, i) => x - xs[i]!);
      const m = g.reduce((a, b) => a + b, 0) / g.length;
      return Math.sqrt(g.reduce((a, b) => a + (b - m) ** 2, 0) / g.length) / m;
    };
    expect(cv(place('exponential', 20000, false))).toBeGreaterThan(0.95);
    expect(cv(place('exponential', 20000, false))).toBeLessThan(1.05);
    // U[0,1) gaps: CV = (1/sqrt(12)) / (1/2) = 0.577.
    expect(cv(place('uniform', 20000, false))).toBeCloseTo(0.577, 1);
  });

  it('shift rotates the pattern on the minute circle by one uniform draw taken after the gaps', () => {
    const n = 6;
    const base = place('equidistant', n, false);
    const shifted = place('equidistant', n, true, 9);
    const s = new RandomStreams(9).stream('arrivals/f').next() * MINUTE_US; // equidistant draws no gaps
    const expected = base.map((p) => Math.floor(p >= s ? p - s : p - s + MINUTE_US)).sort((a, b) => a - b);
    expect(shifted).toEqual(expected);
    expect(ascendingInMinute(shifted)).toBe(true);
    // Gaps are preserved up to rounding (the pattern is rotated, not re-drawn).
    const gaps = shifted.slice(1).map((x, i) => x - shifted[i]!);
    for (const g of gaps) expect(Math.abs(g - 10e6)).toBeLessThanOrEqual(1);
  });

  it('shifted exponential: the first arrival falls uniformly in the minute', () => {
    let sum = 0;
    const trials = 4000;
    for (let i = 0; i < trials; i++) sum += place('exponential', 1, true, i)[0]!;
    expect(sum / trials / MINUTE_US).toBeGreaterThan(0.47);
    expect(sum / trials / MINUTE_US).toBeLessThan(0.53);
  });

  it('is deterministic per seed and differs across seeds', () => {
    expect(place('exponential', 50, true, 3)).toEqual(place('exponential', 50, true, 3));
    expect(place('exponential', 50, true, 3)).not.toEqual(place('exponential', 50, true, 4));
  });
});
