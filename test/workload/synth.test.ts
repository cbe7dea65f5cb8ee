// The synthetic Azure-like generator: deterministic per seed, and its statistics (read back by
// `inspect`) within stated tolerances of the published shape for a large seeded sample.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { inspectTrace, type TraceStats } from '../../src/workload/inspect/inspect.ts';
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
    s = (await inspectTrace(dir)).stats;
    rmSync(dir, { recursive: true, force: true }); // ~20 MB
  }, 60_000);

  it('app popularity: ~45% at most hourly, ~81% at most once a minute (+/- 5 points)', () => {
    expect(s.functions).toBe(6000);
    expect(Math.abs(s.values.appsAtMostHourly! - TARGETS.appsAtMostHourly)).toBeLessThan(0.05);
    expect(Math.abs(s.values.appsAtMostPerMinute! - TARGETS.appsAtMostPerMinute)).toBeLessThan(0.05);
  });

  it('function popularity spans at least 6.5 orders of magnitude in one day', () => {
    expect(s.values.popularityOrders!).toBeGreaterThan(6.5);
  });

  it('durations: median of averages 1 s +/- 15%, 13% +/- 3 points under 100 ms', () => {
    expect(s.values.medianAverageMs! / TARGETS.medianAverageMs).toBeGreaterThan(0.85);
    expect(s.values.medianAverageMs! / TARGETS.medianAverageMs).toBeLessThan(1.15);
    expect(Math.abs(s.values.averageUnder100ms! - TARGETS.averageUnder100ms)).toBeLessThan(0.03);
  });

  it('trigger mix within 2 points of the released trace', () => {
    for (const t of ['http', 'timer', 'queue', 'orchestration', 'others']) {
      expect(Math.abs(s.values[`functionShare:${t}`]! - TARGETS.triggers[t]!)).toBeLessThan(0.02);
    }
  });

  it('has periodic and bursty functions', () => {
    expect(s.values.periodicShare!).toBeGreaterThan(0.1);
    expect(s.values.burstyShare!).toBeGreaterThan(0.05);
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
    const s = (await inspectTrace(d)).stats;
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
