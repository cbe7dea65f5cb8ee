// The HDD's own cache (on-arrival read-ahead, adaptive segmentation): hit cost, capacity, the
// closed form against an explicit simulation of the placement model, and what it does to a chain.
import { describe, expect, it } from 'vitest';
import { cacheHitUs, driveCacheHitFraction, extentBytes, type DriveCacheSpec } from '../../../src/model/storage/drive-cache.ts';
import { positioningUs, rotationalChainWorkUs, type ChainReads } from '../../../src/model/storage/device-spec.ts';
import { getDeviceSpec } from '../../../src/model/storage/presets.ts';
import { StorageBank } from '../../../src/model/storage/shared-device.ts';
import { Simulator } from '../../../src/engine/simulator.ts';

const hdd = getDeviceSpec('hdd-7200');
const disk = hdd.rotational!;
const cache = disk.cache!;
const REGION = 256 * 2 ** 20;
const hello: ChainReads = { scatteredReads: 1965 / 1.9, runPages: 1.9, windowReads: 0, windowPages: 32, regionBytes: REGION };

/**
 * The placement model run explicitly: runs at uniformly random places of the region, faulted in
 * random order; a miss caches the extent from a random landing point up to the run (on-arrival
 * read-ahead, `extent` long on average: uniform on [0, 2*extent]); extents are evicted least
 * recently read first once their bytes exceed the capacity. Returns the hit fraction.
 */
function simulate(c: DriveCacheSpec, reads: number, regionBytes: number, seed: number): number {
  let x = seed >>> 0;
  const rand = (): number => {
    // xorshift32: a deterministic stream for the test only.
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
  const mean = extentBytes(c, 1, disk.queueDepth);
  const extents: { lo: number; hi: number }[] = [];
  let bytes = 0;
  let hits = 0;
  for (let i = 0; i < reads; i++) {
    const at = rand() * regionBytes;
    const k = extents.findIndex((e) => at >= e.lo && at < e.hi);
    if (k >= 0) {
      hits++;
      continue;
    }
    const len = 2 * mean * rand();
    extents.push({ lo: at - len, hi: at });
    bytes += len;
    while (bytes > c.capacityBytes) {
      const old = extents.shift()!;
      bytes -= old.hi - old.lo;
    }
  }
  return hits / reads;
}

describe('hdd-7200 drive cache', () => {
  it('a read the cache holds costs its command overhead, far less than positioning', () => {
    const hit = cacheHitUs(cache, 1.9);
    expect(hit).toBeLessThan(0.05 * positioningUs(disk, 1, 1));
    expect(hit).toBeCloseTo(200 + (1.9 * 4096) / 600, 6);
  });

  it('extents: half a track alone (160 MB/s / 120 rev/s), shorter with NCQ reordering', () => {
    expect(cache.trackBytes).toBeCloseTo(160e6 / 120, 0);
    expect(extentBytes(cache, 1, 32)).toBeCloseTo(cache.trackBytes / 2, 0);
    expect(extentBytes(cache, 4, 32)).toBeCloseTo(cache.trackBytes / 4, 0);
    expect(extentBytes({ ...cache, readOnArrival: false }, 1, 32)).toBe(0);
  });

  it('capacity respected: coverage never exceeds the (per-stream) cache over the region', () => {
    for (const streams of [1, 2, 8]) {
      const cap = cache.capacityBytes / streams / REGION;
      for (const reads of [10, 100, 1000, 10_000, 1e6]) {
        const h = driveCacheHitFraction(cache, reads, REGION, streams, 1, 32);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(cap + 1e-12);
      }
      // Long chains approach the cap.
      expect(driveCacheHitFraction(cache, 1e7, REGION, streams, 1, 32)).toBeGreaterThan(0.99 * cap);
    }
    // A cache bigger than the region: everything but the warm-up hits.
    expect(driveCacheHitFraction({ ...cache, capacityBytes: 4 * REGION }, 1e6, REGION, 1, 1, 32)).toBeGreaterThan(0.99);
    expect(driveCacheHitFraction({ ...cache, readOnArrival: false }, 1000, REGION, 1, 1, 32)).toBe(0);
    expect(driveCacheHitFraction(cache, 0, REGION, 1, 1, 32)).toBe(0);
  });

  it('the closed form matches the placement model simulated read by read', () => {
    for (const reads of [200, 1034, 4866]) {
      let sum = 0;
      const seeds = 20;
      for (let s = 1; s <= seeds; s++) sum += simulate(cache, reads, REGION, 0x9e3779b9 ^ (s * 7919));
      const closed = driveCacheHitFraction(cache, reads, REGION, 1, 1, 32);
      expect(Math.abs(sum / seeds - closed)).toBeLessThan(0.02);
    }
  });

  it('a chain alone: helloworld vanilla pays ~23% fewer positionings; without the cache the old cost', () => {
    const withCache = rotationalChainWorkUs(hdd, hello, 1, 1);
    const noCache = rotationalChainWorkUs({ ...hdd, rotational: { ...disk, cache: undefined } }, hello, 1, 1);
    expect(noCache).toBeCloseTo(hello.scatteredReads * (positioningUs(disk, 1, 1) + (1.9 * 4096) / 160), 3);
    expect(withCache / noCache).toBeGreaterThan(0.74);
    expect(withCache / noCache).toBeLessThan(0.8);
  });

  it('chains sharing the disk split the cache: per-read device time rises with them (as positioning falls with NCQ)', () => {
    const perRead = (q: number): number => rotationalChainWorkUs(hdd, hello, q, q) / hello.scatteredReads;
    const h1 = driveCacheHitFraction(cache, hello.scatteredReads, REGION, 1, 1, 32);
    const h8 = driveCacheHitFraction(cache, hello.scatteredReads, REGION, 8, 8, 32);
    expect(h8).toBeLessThan(h1 / 4);
    // Still: 8 chains get more done per us of device time than one (NCQ), never more than 1 us per us.
    expect(perRead(8)).toBeLessThan(perRead(1));
    const sim = new Simulator();
    const dev = new StorageBank(sim).add(hdd);
    const w = rotationalChainWorkUs(hdd, hello, 1, 1);
    for (let i = 0; i < 8; i++) dev.submit({ workUs: w, aloneUs: w, opWorkUs: w / hello.scatteredReads, random: true, file: i, reads: hello }, () => {}, i);
    sim.run();
    expect(dev.deliveredWorkUs).toBeLessThanOrEqual(dev.busyUs * (1 + 1e-9) + 1e-6);
    // Eight chains alone would take 8 x w; together NCQ saves more than the smaller cache share costs.
    expect(sim.now).toBeLessThan(8 * w);
    expect(sim.now).toBeGreaterThan(w);
  });
});
