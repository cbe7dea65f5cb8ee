import { describe, expect, it } from 'vitest';
import { TransferCost } from '../../../src/model/transfer/cost.ts';
import { dc } from './helpers.ts';

describe('transfer costs', () => {
  it('add up as unit prices x counts (hand-computed)', () => {
    const c = new TransferCost();
    c.addS3Put(2000); // 2000 x $0.005/1000 = $0.01
    c.addS3Get(5000); // 5000 x $0.0004/1000 = $0.002
    c.addS3Storage(2 ** 30, 730 * 3600e6); // 1 GB for a month: $0.023
    c.addCacheNodeTime(1, 2 * 3600e6); // 2 node-hours x $0.206 = $0.412
    c.addIntraRegion(10 * 2 ** 30); // free inside a region
    c.addXdtBuffer(2 ** 30, 3e6); // 1 GB held 3 s: 3 GB-s, provider's view, not billed
    const b = c.bill();
    expect(b.s3RequestsUSD).toBeCloseTo(0.012, 12);
    expect(b.s3StorageUSD).toBeCloseTo(0.023, 12);
    expect(b.cacheUSD).toBeCloseTo(0.412, 12);
    expect(b.dataTransferUSD).toBe(0);
    expect(b.totalUSD).toBeCloseTo(0.447, 12);
    expect(b.xdtBufferGBs).toBeCloseTo(3, 12);
  });

  it('merges accumulators', () => {
    const x = new TransferCost();
    const y = new TransferCost();
    x.addS3Put(1);
    y.addS3Put(2);
    y.addS3Get(4);
    x.merge(y);
    expect([x.s3Puts, x.s3Gets]).toEqual([3, 4]);
  });

  it('S3 operations count requests and bill storage time until delete', () => {
    const { sim, svc, a, b, record } = dc();
    svc.s3.put(a, 'k', 1000, () => {
      const putDone = sim.now;
      svc.s3.get(b, 'k', () => {
        svc.s3.delete('k');
        expect(svc.cost.s3StorageByteUs).toBe(1000 * (sim.now - putDone));
        record({ ok: true, method: 's3', op: 'x', bytes: 0, startUs: 0, endUs: 0, phases: {} });
      });
    });
    sim.run();
    expect(svc.cost.s3Puts).toBe(1);
    expect(svc.cost.s3Gets).toBe(1);
    expect(svc.s3.storedBytes).toBe(0);
  });
});

describe('ElastiCache-like cache', () => {
  it('is fast, bandwidth-bound by its NIC, and billed per node-hour', () => {
    const { sim, svc, a, b, outcomes, record } = dc();
    svc.cache.put(a, 'k', 10_000_000, (o) => {
      record(o);
      svc.cache.get(b, 'k', record);
    });
    sim.run();
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    for (const o of outcomes) if (o.ok) expect(o.endUs - o.startUs).toBeLessThan(8000 + 5000); // 8 ms at 10 Gb/s + < 5 ms
    expect(svc.cache.usedBytes).toBe(10_000_000);
    svc.settle();
    expect(svc.cost.cacheNodeUs).toBe(sim.now);
  });

  it('a PUT that does not fit fails (cache-full); over 512 MB fails (value-too-large)', () => {
    const { sim, svc, a, outcomes, record } = dc({
      cache: { nodeType: 'tiny', capacityBytes: 1000, nicBitsPerSec: 1e9, maxValueBytes: 800, requestMedianUs: 100, requestSigma: 0, nodes: 1 },
    });
    svc.cache.put(a, 'x', 600, record);
    svc.cache.put(a, 'y', 600, record); // 1200 > 1000, even though x is still in flight
    svc.cache.put(a, 'z', 900, record);
    sim.run();
    const reasons = outcomes.map((o) => (o.ok ? 'ok' : o.reason)).sort();
    expect(reasons).toEqual(['cache-full', 'ok', 'value-too-large']);
    svc.cache.delete('x');
    expect(svc.cache.usedBytes).toBe(0);
  });
});
