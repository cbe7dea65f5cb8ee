// `sim trace inspect` statistics on a hand-made 2019 trace whose answers are known, and --check's
// exit code (1 when a measurable target is missed, 0 otherwise).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectTrace } from '../../src/workload/inspect/inspect.ts';
import { spearman } from '../../src/workload/inspect/stats.ts';
import { TARGETS } from '../../src/workload/inspect/targets.ts';
import { simCli } from '../helpers.ts';
import { countsRow, memoryRow, tempDir, writeCounts, writeDurations, writeMemory } from './helpers.ts';

/** Three functions: a queue one at 1440/day (1 s), an http one at 144/day (10 s), a timer at 24/day (100 s). */
function smallTrace(): string {
  const dir = tempDir('inspect-');
  const every = (n: number) => Object.fromEntries(Array.from({ length: 1440 / n }, (_, i) => [i * n + 1, 1]));
  writeCounts(dir, 1, [
    countsRow({ app: 'a', func: 'q', trigger: 'queue', counts: every(1) }),
    countsRow({ app: 'a', func: 'h', trigger: 'http', counts: every(10) }),
    countsRow({ app: 'b', func: 't', trigger: 'timer', counts: every(60) }),
  ]);
  const row = (app: string, f: string, avg: number, min: number, max: number) =>
    `o,${app},${f},${avg},1,${min},${max},${min},${min},${avg},${avg},${avg},${max},${max}`;
  writeDurations(dir, 1, [row('a', 'q', 1000, 500, 2000), row('a', 'h', 10_000, 4000, 30_000), row('b', 't', 100_000, 90_000, 120_000)]);
  writeMemory(dir, 1, [memoryRow('a', 100), memoryRow('b', 300)]);
  return dir;
}

describe('trace inspect statistics', () => {
  it('computes load, shares, rank correlation and the minimum/maximum columns exactly', async () => {
    const { stats: s } = await inspectTrace(smallTrace());
    // Little's law: (1440 x 1 s + 144 x 10 s + 24 x 100 s) / 86400 s.
    expect(s.meanBusyInstances).toBeCloseTo((1440 + 1440 + 2400) / 86400, 12);
    expect(s.values.durationPopularityRank).toBeCloseTo(-1, 12);
    expect(s.values.medianMaximumMs).toBe(30_000);
    expect(s.values.medianMinimumMs).toBe(4000);
    expect(s.values.maximumUnder10s).toBeCloseTo(1 / 3, 12);
    expect(s.values['invocationShare:queue']).toBeCloseTo(1440 / 1608, 12);
    expect(s.values['invocationShare:timer']).toBeCloseTo(24 / 1608, 12);
    expect(s.values['functionShare:others']).toBe(0);
    expect(s.values.timersAtMostPerMinute).toBe(1);
    expect(s.values.appMaximumMemoryMedianMb).toBe(200);
    // The queue function's 1440 of 1608 invocations all lie in bands at or under 2 s.
    expect(s.invocationPercentilesMs!.p50).toBeLessThanOrEqual(2000);
    expect(s.values.popularityOrders).toBeCloseTo(Math.log10(60), 12);
  });

  it('spearman: ties share ranks; no spread gives null', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(spearman([1, 1, 2, 3], [4, 3, 2, 1])).toBeLessThan(-0.9);
  });

  it('every target names its source and has a band around its value', () => {
    for (const t of TARGETS) {
      expect(t.source.length).toBeGreaterThan(10);
      expect(t.lo).toBeLessThanOrEqual(t.value);
      expect(t.value).toBeLessThanOrEqual(t.hi);
    }
  });

  it('--check exits 1 on a missed target and prints the table; without --check it exits 0', () => {
    const dir = smallTrace();
    const checked = simCli(['trace', 'inspect', dir, '--check']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/invocations by trigger queue\s+89\.6%\s+42\.4% \[30\.4%, 54\.4%\]\s+MISS/);
    expect(checked.stdout).toMatch(/mean busy instances \(sum of rate x average\)\s+0\.1\n/);
    expect(simCli(['trace', 'inspect', dir]).code).toBe(0);
    const json = JSON.parse(simCli(['trace', 'inspect', dir, '--json']).stdout) as { missed: number; targets: Array<{ key: string; pass: boolean | null }> };
    expect(json.missed).toBeGreaterThan(0);
    expect(json.targets.find((t) => t.key === 'invocationShare:queue')!.pass).toBe(false);
    expect(simCli(['trace', 'inspect', join(dir, 'nope')]).code).toBe(2);
  });
});
