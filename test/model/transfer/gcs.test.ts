import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/engine/random.ts';
import { GCS_GOOGLE_2021 } from '../../../src/model/transfer/gcs-model.ts';
import { drawS3Request, storeRequests, S3_AWS_2021 } from '../../../src/model/transfer/s3-model.ts';
import { PROVIDERS } from '../../../src/model/transfer/providers.ts';
import { simulateChains } from '../../../src/cli/validate-transfers.ts';
import { dc } from './helpers.ts';

const MiB = 2 ** 20;

describe('GCS (Google preset object store)', () => {
  it('each provider names its store: AWS S3, Google GCS', () => {
    expect(PROVIDERS['aws-lambda-2021'].storage.service).toBe('s3');
    expect(PROVIDERS['google-cloud-functions-2021'].storage.service).toBe('gcs');
    expect(PROVIDERS['google-cloud-functions-2021'].storage.params).toBe(GCS_GOOGLE_2021);
    expect(PROVIDERS['vhive-knative'].storage.calibrated).toBe(false);
  });

  it('operations of the Google store report method gcs', () => {
    const { sim, svc, a, outcomes, record } = dc({ provider: 'google-cloud-functions-2021' });
    svc.s3.put(a, 'k', 1000, record);
    sim.run();
    svc.s3.get(a, 'missing', record);
    sim.run();
    expect(outcomes.map((o) => [o.method, o.ok])).toEqual([
      ['gcs', true],
      ['gcs', false],
    ]);
  });

  it('a PUT of 16 MiB or more is an initiation plus one request per 16 MiB chunk; GETs and S3 are one request', () => {
    expect(storeRequests(GCS_GOOGLE_2021, 'put', 16 * MiB - 1)).toBe(1);
    expect(storeRequests(GCS_GOOGLE_2021, 'put', 16 * MiB)).toBe(2);
    expect(storeRequests(GCS_GOOGLE_2021, 'put', 2 ** 30)).toBe(65);
    expect(storeRequests(GCS_GOOGLE_2021, 'get', 2 ** 30)).toBe(1);
    expect(storeRequests(S3_AWS_2021, 'put', 2 ** 30)).toBe(1);
  });

  it('a stalled request waits exactly one 5 s lookup timeout, two stalls 10 s, at the expected rates', () => {
    const rng = new RandomStreams(3).stream('t');
    const seen = new Map<number, number>();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const d = drawS3Request(GCS_GOOGLE_2021, 'get', 1024, rng);
      seen.set(d.timeoutUs, (seen.get(d.timeoutUs) ?? 0) + 1);
    }
    expect([...seen.keys()].sort((x, y) => x - y)).toEqual([0, 5_000_000, 10_000_000]);
    const p = GCS_GOOGLE_2021.lossProb;
    expect(seen.get(5_000_000)! / n).toBeCloseTo(p - p * p, 2);
    expect(seen.get(10_000_000)! / n).toBeCloseTo(p * p, 3);
  });

  it('the 1 MB chain hits the exact STeLLAR median (155 ms, 10%) and p99 (5781 ms, 25%)', () => {
    const lat = simulateChains('gcs/google', 'google-cloud-functions-2021', MiB, 2000, 42).sort((a, b) => a - b);
    const q = (x: number) => lat[Math.ceil(x * lat.length) - 1]! / 1000;
    expect(Math.abs(q(0.5) / 155 - 1)).toBeLessThan(0.1);
    expect(Math.abs(q(0.99) / 5781 - 1)).toBeLessThan(0.25);
    // The tail is the lookup timeout: p99 above 5 s, p90 far below it.
    expect(q(0.99)).toBeGreaterThan(5000);
    expect(q(0.9)).toBeLessThan(1000);
  });
});
