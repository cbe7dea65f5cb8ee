import { describe, expect, it } from 'vitest';
import { fitOpWork, mvaShares } from '../../../src/model/storage/mva.ts';

describe('mvaShares', () => {
  it('a job alone gets work/(delay+work) of the device', () => {
    expect(mvaShares([{ delayUs: 90, opWorkUs: 10 }])[0]).toBeCloseTo(0.1, 12);
  });
  it('shares never sum above 1 and grow with the number of jobs', () => {
    let last = 0;
    for (const n of [1, 2, 4, 16, 64, 256]) {
      const s = mvaShares(Array.from({ length: n }, () => ({ delayUs: 100, opWorkUs: 10 })));
      const tot = s.reduce((a, b) => a + b, 0);
      expect(tot).toBeLessThanOrEqual(1 + 1e-12);
      expect(tot).toBeGreaterThan(last);
      last = tot;
    }
  });
  it('two greedy streams split the device evenly', () => {
    const s = mvaShares([
      { delayUs: 0, opWorkUs: 5 },
      { delayUs: 0, opWorkUs: 50 },
    ]);
    expect(s[0]).toBeCloseTo(0.5, 9);
    expect(s[1]).toBeCloseTo(0.5, 9);
  });
  it('fitOpWork hits the target throughput at the given queue depth', () => {
    const tau = fitOpWork(128, 16, 360e6 / 4096);
    const s = mvaShares(Array.from({ length: 16 }, () => ({ delayUs: 128 - tau, opWorkUs: tau })));
    expect((s.reduce((a, b) => a + b, 0) / tau) * 4096).toBeCloseTo(360, 3);
  });
});
