import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/engine/random.ts';
import { drawS3Request, s3ConnectionThroughput, S3_AWS_2021 } from '../../../src/model/transfer/s3-model.ts';
import { PROVIDERS } from '../../../src/model/transfer/providers.ts';
import { simulateChains } from '../../../src/cli/validate-transfers.ts';
import { dc } from './helpers.ts';

const GB = 2 ** 30;

describe('inline transfers', () => {
  it('an over-limit payload fails with the reason, as a value, at the current time', () => {
    const { sim, svc, a, b, outcomes, record } = dc({ provider: 'aws-lambda-2021' });
    svc.inline.send(a, b, 7_000_000, record);
    expect(outcomes).toEqual([]); // never inside the caller's stack
    sim.run();
    expect(outcomes).toHaveLength(1);
    const o = outcomes[0]!;
    expect(o.ok).toBe(false);
    if (!o.ok) {
      expect(o.reason).toBe('over-limit');
      expect(o.detail).toMatch(/7000000 B exceeds the aws-lambda-2021 limit of 6291456 B/);
      expect(o.atUs).toBe(0);
    }
  });

  it('limits per preset: AWS 6 MiB, Google 10 MiB, vHive/Knative gRPC 4 MiB', () => {
    expect(PROVIDERS['aws-lambda-2021'].inlineLimitBytes).toBe(6_291_456);
    expect(PROVIDERS['google-cloud-functions-2021'].inlineLimitBytes).toBe(10 * 2 ** 20);
    expect(PROVIDERS['vhive-knative'].inlineLimitBytes).toBe(4_194_304);
    const { svc } = dc({ provider: 'vhive-knative' });
    expect(svc.inline.check(4_194_304)).toBeNull();
    expect(svc.inline.check(4_194_305)).toMatch(/gRPC/);
  });

  it('a payload under the limit crosses the front-end at the per-request throughput', () => {
    const { sim, svc, a, b, outcomes, record } = dc({ provider: 'vhive-knative' });
    // No per-request cap: 4 MB at the 10 Gb/s NIC = 3200 us, plus two legs of 25 us latency
    // (worker NIC 5 + fabric 20; the front-end's NIC adds none).
    svc.inline.send(a, b, 4_000_000, record);
    sim.run();
    const o = outcomes[0]!;
    expect(o.ok).toBe(true);
    if (o.ok) expect(o.endUs - o.startUs).toBe(3200 + 2 * 25);
  });
});

describe('S3 and XDT carry any size', () => {
  it('a 1 GiB object goes through S3 (PUT then GET)', () => {
    const { sim, svc, a, b, outcomes, record } = dc();
    svc.s3.put(a, 'big', GB, (o) => {
      record(o);
      svc.s3.get(b, 'big', record);
    });
    sim.run();
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const get = outcomes[1]!;
    if (get.ok) {
      expect(Object.keys(get.phases)).toEqual(['request', 'download']);
      // One connection at <= 960 Mb/s: at least 8.9 s.
      expect(get.endUs - get.startUs).toBeGreaterThan((8 * GB) / 960);
    }
    expect(svc.cost.s3Puts).toBe(1);
    expect(svc.cost.s3Gets).toBe(1);
  });

  it('a GET of a missing object fails with no-such-object', () => {
    const { sim, svc, b, outcomes, record } = dc();
    svc.s3.get(b, 'nope', record);
    sim.run();
    expect(outcomes[0]!.ok).toBe(false);
    if (!outcomes[0]!.ok) expect(outcomes[0]!.reason).toBe('no-such-object');
  });

  it('a 1 GiB XDT buffer is pulled in one flow at NIC speed', () => {
    const { sim, svc, a, b, outcomes, record } = dc();
    const h = svc.xdt.put(7, a, GB, 1, 60e6);
    svc.xdt.pull(h, b, record);
    sim.run();
    const o = outcomes[0]!;
    expect(o.ok).toBe(true);
    if (o.ok) {
      // 256 B request + 30 us, then 1 GiB at 10 Gb/s (858993.5 us) + 30 us.
      expect(o.phases.reference).toBe(31);
      expect(o.phases.pull).toBe(Math.ceil((8 * GB) / 1e4) + 30);
    }
  });
});

describe('S3 latency model (fitted to STeLLAR)', () => {
  it('a seeded 1 MB chain sample has median ~111 ms and p99 ~1177 ms', () => {
    const lat = simulateChains('s3/aws', 'aws-lambda-2021', 1048576, 4000, 7).sort((x, y) => x - y);
    const med = lat[Math.ceil(0.5 * lat.length) - 1]! / 1000;
    const p99 = lat[Math.ceil(0.99 * lat.length) - 1]! / 1000;
    expect(Math.abs(med - 111) / 111).toBeLessThan(0.1);
    expect(Math.abs(p99 - 1177) / 1177).toBeLessThan(0.15);
  });

  it('per-connection throughput grows with object size and caps near 960 Mb/s', () => {
    const sizes = [1024, 10240, 102400, 1048576, 10 * 2 ** 20, 100 * 2 ** 20, GB];
    const thr = sizes.map((s) => s3ConnectionThroughput(S3_AWS_2021, s));
    for (let i = 1; i < thr.length; i++) expect(thr[i]!).toBeGreaterThan(thr[i - 1]!);
    expect(thr[thr.length - 1]!).toBeLessThanOrEqual(960e6);
    expect(thr[thr.length - 1]!).toBeGreaterThan(0.95 * 960e6);
    expect(thr[5]!).toBeGreaterThan(0.85 * 960e6); // above 100 MB: near the ceiling
    expect(thr[0]!).toBeLessThan(0.1 * 960e6);
  });

  it('the long tail is a rare retransmit timeout of ~1 s, drawn per request', () => {
    const rng = new RandomStreams(3).stream('x');
    let timeouts = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) if (drawS3Request(S3_AWS_2021, 'get', 1024, rng).timeoutUs > 0) timeouts++;
    expect(timeouts / n).toBeCloseTo(S3_AWS_2021.lossProb, 2);
  });
});
