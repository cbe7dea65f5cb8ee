// The synthetic Azure-like generator: deterministic per seed, and its statistics (read back by
// `inspect`) within stated tolerances of the published shape for a large seeded sample.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { inspectTrace, type TraceStats } from '../../src/workload/synth/inspect.ts';
import { TARGETS } from '../../src/workload/synth/shape.ts';
import { synthesizeTrace } from '../../src/workload/synth/write.ts';
import { tempDir } from './helpers.ts';

const digest = (dir: string, files: string[]): string => {
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(join(dir, f)));
  return h.digest('hex');
};

describe('synthesizeTrace shape (6000 functions, seed 42)', () => {
  let s: TraceStats;
  beforeAll(async () => {
    const dir = tempDir('synth-');
    synthesizeTrace({ out: dir, functions: 6000, days: 1, seed: 42 });
    s = await inspectTrace(dir);
    rmSync(dir, { recursive: true, force: true }); // ~20 MB
  }, 60_000);

  it('app popularity: ~45% at most hourly, ~81% at most once a minute (+/- 5 points)', () => {
    expect(s.functions).toBe(6000);
    expect(Math.abs(s.appsAtMostHourly! - TARGETS.appsAtMostHourly)).toBeLessThan(0.05);
    expect(Math.abs(s.appsAtMostPerMinute! - TARGETS.appsAtMostPerMinute)).toBeLessThan(0.05);
  });

  it('function popularity spans at least 6.5 orders of magnitude in one day', () => {
    expect(s.popularityOrders!).toBeGreaterThan(6.5);
  });

  it('durations: median of averages 1 s +/- 15%, 13% +/- 3 points under 100 ms', () => {
    expect(s.medianAverageMs! / TARGETS.medianAverageMs).toBeGreaterThan(0.85);
    expect(s.medianAverageMs! / TARGETS.medianAverageMs).toBeLessThan(1.15);
    expect(Math.abs(s.averageUnder100ms! - TARGETS.averageUnder100ms)).toBeLessThan(0.03);
  });

  it('app memory: median 150 MB +/- 10%, p90 400 MB +/- 12%', () => {
    expect(Math.abs(s.memoryMedianMb! / TARGETS.memoryMedianMb - 1)).toBeLessThan(0.1);
    expect(Math.abs(s.memoryP90Mb! / TARGETS.memoryP90Mb - 1)).toBeLessThan(0.12);
  });

  it('trigger mix within 2 points of the released trace', () => {
    for (const t of ['http', 'timer', 'queue', 'orchestration']) {
      expect(Math.abs((s.triggers[t] ?? 0) - TARGETS.triggers[t]!)).toBeLessThan(0.02);
    }
    const others = Object.entries(s.triggers).filter(([t]) => !['http', 'timer', 'queue', 'orchestration'].includes(t)).reduce((a, [, v]) => a + v, 0);
    expect(Math.abs(others - TARGETS.triggers['others']!)).toBeLessThan(0.02);
  });

  it('has periodic and bursty functions', () => {
    expect(s.periodicShare!).toBeGreaterThan(0.1);
    expect(s.burstyShare!).toBeGreaterThan(0.05);
  });
});

describe('synthesizeTrace determinism and options', () => {
  it('same seed, same bytes; another seed differs', () => {
    const a = tempDir(), b = tempDir(), c = tempDir();
    const ra = synthesizeTrace({ out: a, functions: 60, days: 2, seed: 7 });
    synthesizeTrace({ out: b, functions: 60, days: 2, seed: 7 });
    synthesizeTrace({ out: c, functions: 60, days: 2, seed: 8 });
    expect(ra.files.length).toBe(6);
    expect(digest(a, ra.files)).toBe(digest(b, ra.files));
    expect(digest(a, ra.files)).not.toBe(digest(c, ra.files));
  });

  it('--apps fixes the number of apps and still writes exactly N functions', async () => {
    const d = tempDir();
    const r = synthesizeTrace({ out: d, functions: 120, apps: 30, days: 1, seed: 3 });
    expect([r.apps, r.functions]).toEqual([30, 120]);
    const s = await inspectTrace(d);
    expect([s.apps, s.functions]).toEqual([30, 120]);
  });

  it('its output loads with only zero-invocation functions dropped', async () => {
    const d = tempDir();
    const r = synthesizeTrace({ out: d, functions: 200, days: 2, seed: 11 });
    const w = await loadAzure2019({ dir: d, days: [1, 2], rng: new RandomStreams(1) });
    expect(Object.keys(w.report.dropped).filter((k) => k !== 'no-invocations')).toEqual([]);
    expect(w.report.invocationsKept).toBe(r.invocations);
  });
});
