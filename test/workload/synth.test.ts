// The synthetic Azure-like generator: deterministic per seed, its options, and its output loads
// (its statistics against the targets: synth-targets.test.ts).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { inspectTrace } from '../../src/workload/inspect/inspect.ts';
import { synthesizeTrace } from '../../src/workload/synth/write.ts';
import { FunctionCounter } from '../../src/workload/synth/counts.ts';
import type { SynthFunction } from '../../src/workload/synth/model.ts';
import { tempDir } from './helpers.ts';

const digest = (dir: string, files: string[]): string => {
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(join(dir, f)));
  return h.digest('hex');
};

describe('synthesizeTrace determinism and options', () => {
  it('same seed, same bytes; another seed differs', () => {
    const a = tempDir(),
      b = tempDir(),
      c = tempDir();
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

describe('weekday/weekend pattern of multi-day traces', () => {
  const fn = (over: Partial<SynthFunction>): SynthFunction => ({
    app: 0,
    hash: 'h',
    trigger: 'http',
    dailyRate: 1_440_000,
    pattern: 'poisson',
    period: 1,
    phase: 0,
    perFiring: 1,
    amplitude: 0.3,
    peak: 840,
    onFraction: 1,
    meanOn: 1,
    weekend: 0.7,
    averageMs: 100,
    durationSpread: 0.5,
    ...over,
  });
  const days = (f: SynthFunction, n: number): number[] => {
    const c = new FunctionCounter(f, new RandomStreams(3).stream('c'));
    const out = new Int32Array(1440);
    return Array.from({ length: n }, (_, d) => c.day(d, out));
  };

  it("a function's days 6 and 7 of each week run at its weekend factor; timers do not", () => {
    const t = days(fn({}), 14);
    const weekday = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((d) => t[d]!);
    const weekend = [5, 6, 12, 13].map((d) => t[d]!);
    for (const w of weekday) expect(Math.abs(w / 1_440_000 - 1)).toBeLessThan(0.01);
    for (const w of weekend) expect(Math.abs(w / 1_440_000 - 0.7)).toBeLessThan(0.01);
    const timer = days(fn({ pattern: 'periodic', trigger: 'timer', period: 5, dailyRate: 288 }), 7);
    expect(timer).toEqual([288, 288, 288, 288, 288, 288, 288]);
  });

  it('a generated week (2000 functions, seeds 1-2): aggregate weekend/weekday and daily swing within their target bands', async () => {
    for (const seed of [1, 2]) {
      const d = tempDir();
      synthesizeTrace({ out: d, functions: 2000, days: 7, seed });
      const r = await inspectTrace(d);
      for (const key of ['weekendToWeekday', 'diurnalTroughToPeak']) {
        const v = r.verdicts.find((x) => x.target.key === key)!;
        expect({ seed, key, value: v.value, pass: v.pass }).toEqual({ seed, key, value: v.value, pass: true });
      }
      rmSync(d, { recursive: true, force: true });
    }
  }, 120_000);
});
