// Each available figure, in its --quick configuration: a well-formed SVG with the expected number
// of series and marks, a CSV with the expected columns and rows, and sane simulated numbers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableFigureNames, generateFigure } from '../../../src/experiments/figures/registry.ts';
import type { FigureResult } from '../../../src/experiments/figures/types.ts';
import { assertWellFormedSvg, countMarks, legendLabels } from './svg-check.ts';

let out: string;
const results = new Map<string, FigureResult>();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'fig-test-'));
  for (const name of availableFigureNames()) results.set(name, await generateFigure(name, { out, quick: true }));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const svgOf = (name: string): string => readFileSync(join(out, `${name}.svg`), 'utf8');
const csvOf = (name: string): Record<string, string>[] => parse(readFileSync(join(out, `${name}.csv`)), { columns: true });
const headerOf = (name: string): string[] => readFileSync(join(out, `${name}.csv`), 'utf8').split('\n')[0]!.split(',');

describe('every available figure', () => {
  it('writes <out>/<name>.svg and .csv, and the description matches the CSV', () => {
    expect([...results.keys()]).toEqual([
      'reap-functions', 'reap-concurrency', 'keepalive-tradeoff', 'trace-shape', 'transfer-latency', 'workflow-cost',
      'stellar-warm', 'stellar-cold', 'stellar-image-size', 'stellar-transfers',
    ]);
    for (const [name, r] of results) {
      assertWellFormedSvg(svgOf(name));
      expect(r.svgPath).toBe(join(out, `${name}.svg`));
      expect(headerOf(name)).toEqual(r.columns);
      expect(csvOf(name)).toHaveLength(r.rows);
    }
  });
});

describe('reap-functions', () => {
  it('draws 3 simulated bar series per function and the paper as 30 labelled reference marks', () => {
    const r = results.get('reap-functions')!;
    const svg = svgOf('reap-functions');
    expect(r.series).toEqual(['warm', 'vanilla snapshot', 'REAP']);
    expect(countMarks(svg, 'bar')).toBe(30);
    expect(countMarks(svg, 'point')).toBe(30);
    expect(r.referencePoints).toBe(30);
    expect(legendLabels(svg)).toEqual(['warm', 'vanilla snapshot', 'REAP', "paper (Ustiugov et al., ASPLOS'21)"]);
  });

  it('has one CSV row per function, simulated within 10% of the paper', () => {
    const rows = csvOf('reap-functions');
    expect(rows.map((x) => x.function)).toContain('helloworld');
    expect(rows).toHaveLength(10);
    for (const x of rows) {
      for (const k of ['warm', 'vanilla', 'reap']) {
        expect(Math.abs(Number(x[`${k}_ms`]) / Number(x[`paper_${k}_ms`]) - 1), `${x.function} ${k}`).toBeLessThanOrEqual(0.1);
      }
      expect(Number(x.reap_ms)).toBeLessThan(Number(x.vanilla_ms));
    }
  });
});

describe('reap-concurrency', () => {
  it('draws 4 lines (vanilla/REAP x SSD/HDD) over N = 1, 4, 16', () => {
    const r = results.get('reap-concurrency')!;
    const svg = svgOf('reap-concurrency');
    expect(r.series).toHaveLength(4);
    expect(countMarks(svg, 'line mark')).toBe(4);
    expect(countMarks(svg, 'point')).toBe(12);
    expect(legendLabels(svg)).toEqual(['vanilla snapshot', 'REAP', 'SATA SSD', 'HDD 7200 rpm']);
  });

  it('has N x mode x disk rows; REAP beats vanilla, and more starts never make it faster', () => {
    const rows = csvOf('reap-concurrency');
    expect(rows).toHaveLength(12);
    const ms = (n: number, mode: string, disk: string): number =>
      Number(rows.find((x) => Number(x.n) === n && x.mode === mode && x.disk === disk)!.mean_latency_ms);
    for (const disk of ['ssd-sata-2020', 'hdd-7200']) {
      for (const n of [1, 4, 16]) expect(ms(n, 'reap', disk)).toBeLessThan(ms(n, 'vanilla', disk));
      for (const mode of ['vanilla', 'reap']) expect(ms(16, mode, disk)).toBeGreaterThanOrEqual(ms(1, mode, disk));
    }
    expect(ms(1, 'vanilla', 'ssd-sata-2020')).toBeCloseTo(232, 0);
  });
});

describe('keepalive-tradeoff', () => {
  it('draws one point per policy and fleet', () => {
    const r = results.get('keepalive-tradeoff')!;
    const svg = svgOf('keepalive-tradeoff');
    expect(r.series).toHaveLength(6);
    expect(countMarks(svg, 'point')).toBe(12);
    expect(legendLabels(svg)).toHaveLength(6 + 2);
    const rows = csvOf('keepalive-tradeoff');
    expect(rows).toHaveLength(12);
    for (const x of rows) {
      expect(Number(x.p75_app_cold_pct)).toBeGreaterThanOrEqual(0);
      expect(Number(x.p75_app_cold_pct)).toBeLessThanOrEqual(100);
      expect(Number(x.idle_gb_s)).toBeGreaterThan(0);
    }
    // A 1-minute TTL holds less idle memory than a 20-minute one.
    const idle = (p: string): number => Number(rows.find((x) => x.policy === p && x.node_memory_gib === '128')!.idle_gb_s);
    expect(idle('fixed(ttl=1m)')).toBeLessThan(idle('fixed(ttl=20m)'));
  });
});

describe('trace-shape', () => {
  it('draws a CDF per function and per app of the committed trace, with the 2 published app shares', () => {
    const r = results.get('trace-shape')!;
    const svg = svgOf('trace-shape');
    expect(r.series).toHaveLength(2);
    expect(countMarks(svg, 'line mark')).toBe(2);
    expect(countMarks(svg, 'point')).toBe(2);
    const rows = csvOf('trace-shape');
    expect(rows).toHaveLength(r.points + 2);
    for (const level of ['function', 'app']) {
      const ps = rows.filter((x) => x.level === level && x.trace!.startsWith('traces/')).map((x) => Number(x.cdf));
      expect(ps.length).toBeGreaterThan(10);
      expect(ps[ps.length - 1]).toBe(1);
      for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThan(ps[i - 1]!);
    }
  });
});

describe('transfer-latency', () => {
  it('draws median and p99 lines for 4 methods (inline stops at its limit) with STeLLAR reference crosses', () => {
    const r = results.get('transfer-latency')!;
    expect(r.series).toEqual(['inline (AWS)', 'S3', 'ElastiCache', 'XDT']);
    expect(legendLabels(svgOf('transfer-latency'))).toEqual(expect.arrayContaining([...r.series]));
    // 3 sizes x 4 methods x 2 statistics, minus inline at 64 MiB (over the 6 MB limit).
    expect(r.points).toBe(22);
    expect(r.referencePoints).toBeGreaterThan(5);
    const rows = csvOf('transfer-latency').filter((x) => x.source === 'simulated');
    const med = (m: string, b: number) => Number(rows.find((x) => x.method === m && Number(x.payload_bytes) === b)!.median_ms);
    // XDT beats S3 at every size; S3 has the long tail.
    for (const b of [1024, 1 << 20, 64 << 20]) expect(med('XDT', b)).toBeLessThan(med('S3', b));
    const s3 = rows.find((x) => x.method === 'S3' && Number(x.payload_bytes) === 1024)!;
    expect(Number(s3.p99_ms) / Number(s3.median_ms)).toBeGreaterThan(5);
  });
});

describe('workflow-cost', () => {
  it('draws latency and cost bars for the methods that complete; inline fails with its reason', () => {
    const r = results.get('workflow-cost')!;
    expect(r.series).toEqual(['s3', 'elasticache', 'xdt']);
    expect(r.points).toBe(3 * 3 * 2);
    const rows = csvOf('workflow-cost');
    expect(rows).toHaveLength(12);
    for (const row of rows.filter((x) => x.method === 'inline')) expect(row.failed).toMatch(/inline-over-limit/);
    const cost = (wf: string, m: string) => Number(rows.find((x) => x.workflow === wf && x.method === m)!.cost_per_run_micro_usd);
    for (const wf of ['video-analytics', 'stacking', 'wordcount']) expect(cost(wf, 'xdt')).toBeLessThan(cost(wf, 's3'));
  });
});

describe('stellar-* CDFs', () => {
  const PAPER_STATS = ["STeLLAR (IISWC'21) median", "STeLLAR (IISWC'21) p99"];
  it('legends name every colour, every dash and both paper statistics', () => {
    const legends: Record<string, string[]> = {
      'stellar-warm': ['aws-lambda', 'google-cloud-functions', 'azure-functions', 'vhive-knative', 'warm, IAT 3 s'],
      'stellar-cold': ['aws-lambda', 'google-cloud-functions', 'azure-functions', 'vhive-knative', 'cold, IAT 21 min'],
      'stellar-image-size': ['aws-lambda', 'google-cloud-functions', 'azure-functions', '+10 MB', '+60 MB', '+100 MB'],
      'stellar-transfers': ['aws-lambda inline', 'aws-lambda s3', 'google-cloud-functions inline', 'google-cloud-functions gcs', '1 KB', '1 MB'],
    };
    for (const [name, labels] of Object.entries(legends)) {
      expect(legendLabels(svgOf(name)), name).toEqual([...labels, ...PAPER_STATS]);
    }
  });

  it('draws one line per series and one hollow mark per paper number, all in the CSV', () => {
    for (const [name, series, refs] of [
      ['stellar-warm', 4, 6],
      ['stellar-cold', 4, 6],
      ['stellar-image-size', 9, 12],
      ['stellar-transfers', 8, 16],
    ] as const) {
      const r = results.get(name)!;
      expect(r.series, name).toHaveLength(series);
      expect(countMarks(svgOf(name), 'line mark'), name).toBe(series);
      expect(r.referencePoints, name).toBe(refs);
      expect(csvOf(name).filter((x) => x.source !== 'simulated'), name).toHaveLength(refs);
    }
  });

  it('each CDF rises from 0 to 1 and its median sits near the paper where the preset is calibrated', () => {
    const rows = csvOf('stellar-cold');
    const at = (provider: string, source: string, p: number) =>
      Number(rows.find((x) => x.provider === provider && x.source === source && Number(x.fraction) === p)!.latency_ms);
    for (const provider of ['aws-lambda', 'google-cloud-functions', 'azure-functions']) {
      expect(at(provider, 'simulated', 0.5)).toBeLessThan(at(provider, 'simulated', 0.99));
      expect(Math.abs(at(provider, 'simulated', 0.5) / at(provider, "STeLLAR (IISWC'21)", 0.5) - 1), provider).toBeLessThan(0.15);
    }
  });
});
