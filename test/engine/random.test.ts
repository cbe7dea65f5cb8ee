import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { RandomStreams } from '../../src/engine/random.ts';
import { Empirical, Exponential, LogNormal, Uniform } from '../../src/engine/distributions.ts';

const draws = (s: { next(): number }, n: number) => Array.from({ length: n }, () => s.next());

describe('RandomStreams', () => {
  it('is deterministic per seed and name, and streams are independent of each other', () => {
    const a = new RandomStreams(42);
    const x1 = draws(a.stream('arrivals/f'), 5);
    const b = new RandomStreams(42);
    draws(b.stream('something/else'), 100); // using another stream first changes nothing
    const x2 = draws(b.stream('arrivals/f'), 5);
    expect(x2).toEqual(x1);
    expect(draws(new RandomStreams(43).stream('arrivals/f'), 5)).not.toEqual(x1);
    expect(draws(new RandomStreams(42).stream('arrivals/g'), 5)).not.toEqual(x1);
  });

  it("draws exactly seedrandom's Alea sequence (our allocation-free step is the same arithmetic)", () => {
    const ours = new RandomStreams(7).stream('durations/f');
    const ref = seedrandom.alea('7\u0000durations/f');
    let mismatches = 0;
    for (let i = 0; i < 200_000; i++) if (ours.next() !== ref()) mismatches++;
    expect(mismatches).toBe(0);
  });
});

describe('distributions', () => {
  const rng = new RandomStreams(1).stream('d');
  const mean = (d: { sample(r: typeof rng): number }, n = 200_000) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += d.sample(rng);
    return s / n;
  };

  it('sample means match analytic means', () => {
    for (const d of [new Exponential(100), new Uniform(10, 30), new LogNormal(50, 0.5)]) {
      expect(Math.abs(mean(d) / d.mean - 1)).toBeLessThan(0.01);
    }
  });

  it('empirical interpolates inside percentile bands', () => {
    const e = new Empirical([
      [0, 10],
      [50, 20],
      [100, 120],
    ]);
    expect(e.quantile(25)).toBeCloseTo(15);
    expect(e.quantile(75)).toBeCloseTo(70);
    expect(e.mean).toBeCloseTo(0.5 * 15 + 0.5 * 70);
    expect(e.name).toBe('empirical(0:10,50:20,100:120)');
    expect(Math.abs(mean(e) / e.mean - 1)).toBeLessThan(0.01);
    expect(
      () =>
        new Empirical([
          [0, 5],
          [50, 4],
          [100, 6],
        ]),
    ).toThrow(/not decrease/);
    expect(
      () =>
        new Empirical([
          [10, 5],
          [100, 6],
        ]),
    ).toThrow(/span/);
  });
});
