import { describe, expect, it } from 'vitest';
import { bucketOf, LogHistogram } from '../../src/engine/histogram.ts';
import { RandomStreams } from '../../src/engine/random.ts';
import { LogNormal } from '../../src/engine/distributions.ts';

describe('LogHistogram', () => {
  it('buckets are monotone and cover values exactly below 128', () => {
    let last = -1;
    for (const v of [0, 1, 127, 128, 129, 255, 256, 1e6, 2 ** 31, 2 ** 32, 2 ** 40, 2 ** 52]) {
      const b = bucketOf(v);
      expect(b).toBeGreaterThan(last);
      last = b;
    }
    const h = new LogHistogram();
    for (let i = 0; i < 100; i++) h.add(i);
    expect(h.quantile(0.5)).toBe(49);
  });

  it('quantiles within 0.4% of exact ones on a heavy-tailed sample; merge equals one histogram', () => {
    const rng = new RandomStreams(3).stream('h');
    const d = new LogNormal(50_000, 2);
    const xs: number[] = [];
    const all = new LogHistogram();
    const a = new LogHistogram();
    const b = new LogHistogram();
    for (let i = 0; i < 100_000; i++) {
      const x = d.sample(rng);
      xs.push(x);
      all.add(x);
      (i % 2 ? a : b).add(x);
    }
    xs.sort((p, q) => p - q);
    for (const q of [0.01, 0.5, 0.9, 0.99, 0.999]) {
      const exact = xs[Math.floor(q * (xs.length - 1))]!;
      expect(Math.abs(all.quantile(q) / exact - 1), `q=${q}`).toBeLessThan(0.004);
    }
    a.merge(b);
    for (const q of [0.5, 0.99]) expect(a.quantile(q)).toBe(all.quantile(q));
    expect(a.count).toBe(all.count);
    expect(all.quantile(1)).toBe(xs[xs.length - 1]);
  });
});

describe('LogHistogram blocks', () => {
  it('merges histograms over disjoint ranges exactly, in either order', () => {
    const small = new LogHistogram();
    const large = new LogHistogram();
    const all = new LogHistogram();
    for (let i = 0; i < 1000; i++) {
      small.add(i);
      large.add(1e6 + i * 997);
      all.add(i);
      all.add(1e6 + i * 997);
    }
    const a = new LogHistogram();
    a.merge(large);
    a.merge(small);
    const b = new LogHistogram();
    b.merge(small);
    b.merge(large);
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
      expect(a.quantile(q)).toBe(all.quantile(q));
      expect(b.quantile(q)).toBe(all.quantile(q));
    }
  });
});
