// Known answers from ../shared/traces/SOURCES.md for the real 2019/2021 slices and the vHive
// loader fixtures. Skipped (with the reason printed) when ../shared is absent, as in a fresh clone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Empirical } from '../../src/engine/distributions.ts';
import { RandomStreams } from '../../src/engine/random.ts';
import { readCountFile } from '../../src/workload/azure2019/counts.ts';
import { readInvocationFile } from '../../src/workload/azure2021/read.ts';
import { inspectTrace } from '../../src/workload/inspect/inspect.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { loadAzure2021 } from '../../src/workload/azure2021/load.ts';
import { drain, sharedTraces } from './helpers.ts';

const have = existsSync(sharedTraces);
if (!have) console.warn(`skipping real-trace known-answer tests: ${sharedTraces} is absent (it exists only next to the project's development checkout)`);

const file2019 = join(sharedTraces, 'azure2019/invocations_per_function_md.anon.d01.head9.csv');
const file2021 = join(sharedTraces, 'azure2021/AzureFunctionsInvocationTrace2021.head199.csv');
const invitro = join(sharedTraces, 'invitro-fixtures');

describe.skipIf(!have)('Azure 2019 head9 slice (SOURCES.md)', () => {
  it('has the published per-row totals, triggers and activity', async () => {
    const rows: Array<{ total: number; trigger: string; active: number[]; max: number }> = [];
    await readCountFile(file2019, (r) => {
      const active: number[] = [];
      let max = 0;
      r.counts.forEach((c, m) => {
        if (c > 0) active.push(m + 1);
        max = Math.max(max, c);
      });
      rows.push({ total: r.total, trigger: r.trigger, active, max });
    });
    expect(rows.map((r) => r.total)).toEqual([288, 288, 10, 11, 9, 10, 3, 10, 432]);
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(1061);
    expect(rows.map((r) => r.trigger)).toEqual(['http', 'http', 'orchestration', 'http', 'http', 'http', 'orchestration', 'http', 'http']);
    for (const r of rows.slice(0, 2)) {
      expect(r.active[0]).toBe(4);
      expect(r.active.at(-1)).toBe(1439);
      expect(r.active.every((m, i) => i === 0 || m - r.active[i - 1]! === 5)).toBe(true);
    }
    const r8 = rows[8]!;
    expect(r8.active.length).toBe(210);
    expect(r8.max).toBe(15);
    expect([r8.active[0], r8.active.at(-1)]).toEqual([266, 1317]);
  });

  it('inspect reads the slice (suffixed name) and finds the two periodic rows', async () => {
    const { stats: s } = await inspectTrace(join(sharedTraces, 'azure2019'));
    expect([s.functions, s.apps, s.invocations]).toEqual([9, 3, 1061]);
    expect(s.values.medianAverageMs).toBeNull();
    expect(s.values.periodicShare).toBeCloseTo(2 / 9, 10);
    expect(s.values['functionShare:http']).toBeCloseTo(7 / 9, 10);
    expect(s.values['invocationShare:http']).toBeCloseTo((1061 - 13) / 1061, 10);
  });
});

describe.skipIf(!have)('Azure 2021 head199 slice (SOURCES.md)', () => {
  it('has the published counts, start range and duration statistics', async () => {
    const starts: number[] = [];
    const durs: number[] = [];
    const apps = new Set<string>();
    const pairs = new Set<string>();
    let maxEnd = 0;
    await readInvocationFile(file2021, (r) => {
      starts.push(r.endS - r.durationS);
      durs.push(r.durationS);
      apps.add(r.app);
      pairs.add(`${r.app}/${r.func}`);
      maxEnd = Math.max(maxEnd, r.endS);
    });
    expect(starts.length).toBe(199);
    expect(apps.size).toBe(13);
    expect(pairs.size).toBe(31);
    expect(Math.min(...starts)).toBeCloseTo(0.0014909, 6);
    expect(Math.max(...starts)).toBeCloseTo(1200.0148, 3);
    expect(maxEnd).toBeCloseTo(1260.0558, 3);
    const sorted = durs.slice().sort((a, b) => a - b);
    expect(sorted[0]).toBe(0);
    expect(sorted.at(-1)).toBeCloseTo(404.987, 6);
    expect(sorted[99]).toBeCloseTo(1.634, 6);
    expect(durs.reduce((a, b) => a + b, 0)).toBeCloseTo(10599.17, 1);
    expect(durs.filter((d) => d === 0).length).toBe(8);
  });

  it('inspect reads the slice: counts, exact per-invocation percentiles, no trigger or memory statistics', async () => {
    const r = await inspectTrace(file2021);
    const s = r.stats;
    expect([s.format, s.apps, s.functions, s.invocations, s.spanMinutes]).toEqual(['azure2021', 13, 31, 199, 21]);
    // SOURCES.md: median 1.634 s, longest 404.987 s, durations sum to 10599.17 s over 21 minutes.
    expect(s.invocationPercentilesMs!.p50).toBeCloseTo(1634, 3);
    expect(s.invocationPercentilesMs!.max).toBeCloseTo(404_987, 3);
    expect(s.meanBusyInstances!).toBeCloseTo(10599.17 / (21 * 60), 3);
    expect(s.values['invocationShare:http']).toBeNull();
    expect(r.verdicts.find((v) => v.target.key === 'appMaximumMemoryP90Mb')!.pass).toBeNull();
  });

  it('replays the published starts per minute, exactly and in order', async () => {
    const w = await loadAzure2021({ file: file2021, memoryMiB: 200, rng: new RandomStreams(1) });
    expect(w.functions.length).toBe(31);
    expect(w.report.invocationsKept).toBe(199);
    expect(w.functions.every((f) => f.memoryMiB === 200)).toBe(true);
    const { times, payloads } = drain(w.stream(100, new RandomStreams(1)));
    const perMinute = new Array<number>(21).fill(0);
    for (const t of times) perMinute[Math.floor(t / 60e6)]!++;
    expect(perMinute).toEqual([42, 8, 6, 6, 7, 13, 6, 4, 6, 6, 34, 4, 7, 4, 6, 15, 3, 7, 6, 5, 4]);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(times[0]).toBe(1491);
    expect(Math.min(...payloads)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...payloads)).toBeLessThan(131);
    // Zero durations are clamped to 1 us.
    expect(w.functions.every((f) => f.duration instanceof Empirical && f.duration.quantile(0) >= 1)).toBe(true);
  });
});

describe.skipIf(!have)('vHive loader fixtures (per-function memory variant)', () => {
  it('joins all functions with their durations and per-function memory', async () => {
    const w = await loadAzure2019({ dir: invitro, rng: new RandomStreams(7) });
    // SOURCES.md says 3 functions; the files hold 4 (the fourth: 125 ms, timer).
    expect(w.functions.map((f) => Math.round(f.duration.mean / 1000))).toEqual([100, 500, 250, 125]);
    expect(w.functions.map((f) => f.memoryMiB)).toEqual([120, 176, 170, 112]);
    expect(w.functions.map((f) => f.trigger)).toEqual(['queue', 'queue', 'queue', 'timer']);
    expect(w.report.dropped).toEqual({});
    expect(w.report.files).toEqual(['invocations.csv', 'durations.csv', 'memory.csv']);
    const counts = new Map<number, number[]>();
    await readCountFile(join(invitro, 'invocations.csv'), (r) => counts.set(counts.size, Array.from(r.counts)));
    const { times, payloads } = drain(w.stream(0, new RandomStreams(7)));
    const got = [0, 1, 2, 3].map(() => new Array<number>(1440).fill(0));
    times.forEach((t, i) => got[payloads[i]!]![Math.floor(t / 60e6)]!++);
    for (let f = 0; f < 4; f++) expect(got[f]).toEqual(counts.get(f));
    expect(w.report.invocationsKept).toBe(4525);
  });
});
