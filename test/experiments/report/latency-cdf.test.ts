// The report's latency CDF: from invocations.csv (plain or gzip), completed rows only, through the
// log histogram; from the summary's percentiles when the run wrote no invocations file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cdfFromInvocations, cdfFromSummary } from '../../../src/experiments/report/latency-cdf.ts';
import { InputError } from '../../../src/input/errors.ts';

const HEADER = 'id,function,outcome,reason,latency_us\n';
// 100 completed invocations of 1..100 ms, and a dropped one that must not count.
const ROWS = Array.from({ length: 100 }, (_, i) => `${i},f,completed,,${(i + 1) * 1000}`).join('\n') + '\n100,f,dropped,"queue, full",0\n';
// The same in InVitro's record columns (invocations-invitro.csv): the failed call has its flags set.
const INVITRO =
  'phase,instance,invocationID,startTime,requestedDuration,grpcConnEstablish,responseTime,actualDuration,connectionTimeout,functionTimeout\n' +
  Array.from({ length: 100 }, (_, i) => `2,f-0,${i},0,1,,${(i + 1) * 1000},1,false,false`).join('\n') +
  '\n2,,100,0,,,0,,true,true\n';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cdf-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

describe('cdfFromInvocations', () => {
  it('reads completed rows only; the CDF runs from the minimum to the maximum, never decreasing', async () => {
    const variants: Record<string, string | Buffer>[] = [
      { 'invocations.csv': HEADER + ROWS },
      { 'invocations.csv.gz': gzipSync(HEADER + ROWS) },
      { 'invocations-invitro.csv.gz': gzipSync(INVITRO) },
    ];
    for (const files of variants) {
      const cdf = (await cdfFromInvocations(folder(files)))!;
      expect(cdf.source).toMatch(/^100 completed invocations in invocations(-invitro)?\.csv/);
      expect(cdf.points[0]).toEqual({ latencyMs: 1, fraction: 0 });
      expect(cdf.points.at(-1)).toEqual({ latencyMs: 100, fraction: 1 });
      for (let i = 1; i < cdf.points.length; i++) expect(cdf.points[i]!.latencyMs).toBeGreaterThanOrEqual(cdf.points[i - 1]!.latencyMs);
      const median = cdf.points.find((p) => p.fraction === 0.5)!;
      expect(median.latencyMs).toBeGreaterThan(49);
      expect(median.latencyMs).toBeLessThan(52);
    }
  });
  it('null without an invocations file or its latency column; a bad cell is an input error naming the file', async () => {
    expect(await cdfFromInvocations(folder({}))).toBeNull();
    expect(await cdfFromInvocations(folder({ 'invocations.csv': 'id,outcome\n1,completed\n' }))).toBeNull();
    await expect(cdfFromInvocations(folder({ 'invocations.csv': HEADER + '1,f,completed,,soon\n' }))).rejects.toThrow(InputError);
    await expect(cdfFromInvocations(folder({ 'invocations.csv': HEADER + '1,f,completed,,soon\n' }))).rejects.toThrow(
      /invocations\.csv: latency_us "soon": expected a number/,
    );
  });
});

describe('cdfFromSummary', () => {
  it('the percentiles summary.json has, and says so', () => {
    const cdf = cdfFromSummary({ latencyMs: { endToEnd: { p50: 10, p90: 20, p99: 30, p999: 40, max: 50, mean: 12 } } });
    expect(cdf.points.map((p) => [p.fraction, p.latencyMs])).toEqual([
      [0.5, 10],
      [0.9, 20],
      [0.99, 30],
      [0.999, 40],
      [1, 50],
    ]);
    expect(cdf.source).toMatch(/percentiles in summary\.json/);
  });
});
