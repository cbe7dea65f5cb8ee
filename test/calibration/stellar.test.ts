import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFigure, stellarLatencyRows, stellarTransfers } from '../../src/calibration/stellar.ts';

const SHARED = '/work/shared/calibration';

describe('STeLLAR calibration data shipped with the project', () => {
  it('parses exact and figure-read numbers', () => {
    expect(parseFigure('111')).toEqual({ value: 111, approx: false });
    expect(parseFigure('~48')).toEqual({ value: 48, approx: true });
    expect(parseFigure('')).toBeNull();
    expect(() => parseFigure('abc')).toThrow();
  });

  it('has the S3 chain rows 1 KB .. 1 GB with the exact 1 MB point', () => {
    const s3 = stellarTransfers('s3', 'aws_lambda');
    expect(s3.map((r) => r.payloadBytes)).toEqual([1024, 10240, 102400, 1048576, 131072000, 1073741824]);
    const mb = s3[3]!;
    expect(mb.medianMs).toEqual({ value: 111, approx: false });
    expect(mb.p99Ms).toEqual({ value: 1177, approx: false });
    expect(s3[0]!.medianMs!.approx).toBe(true);
    // Row-level "latency=figure" marks the 131 MB numbers approximate.
    expect(s3[4]!.medianMs!.approx).toBe(true);
  });

  it('marks column-level exactness (median exact, p99 derived)', () => {
    const aws = stellarTransfers('inline', 'aws_lambda');
    const big = aws.find((r) => r.payloadBytes === 4100000)!;
    expect(big.medianMs).toEqual({ value: 124, approx: false });
    expect(big.p99Ms!.approx).toBe(true);
    expect(aws[0]!.medianMs).toEqual({ value: 11, approx: false });
    expect(aws[0]!.p99Ms!.approx).toBe(true);
    const g = stellarTransfers('inline', 'google_cloud_functions').find((r) => r.payloadBytes === 1048576)!;
    expect(g.p99Ms).toEqual({ value: 88, approx: false });
  });

  it('every row names its source; the latency file loads', () => {
    for (const r of stellarTransfers('s3', 'aws_lambda')) expect(r.source).toMatch(/STeLLAR/);
    expect(stellarLatencyRows().length).toBeGreaterThan(10);
    expect(stellarTransfers('inline', 'vhive_knative (gRPC)')[0]!.payloadBytes).toBe(4194304);
  });

  for (const [ours, theirs] of [
    ['stellar-transfers.csv', 'stellar-iiswc21-transfers.csv'],
    ['stellar-latency.csv', 'stellar-iiswc21-latency.csv'],
  ] as const) {
    it.skipIf(!existsSync(`${SHARED}/${theirs}`))(`${ours} is an unchanged copy of the shared ${theirs}`, () => {
      const mine = readFileSync(new URL(`../../src/calibration/${ours}`, import.meta.url), 'utf8');
      expect(mine).toBe(readFileSync(`${SHARED}/${theirs}`, 'utf8'));
    });
  }
});
