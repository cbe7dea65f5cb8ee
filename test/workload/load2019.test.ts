// The 2019 reader's joins, drop reasons, windows, days, memory rule, rate scaling and the replay
// stream's guarantees (per-minute counts exact, time order, tie-break by function index).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { traceFunctionsCsv } from '../../src/workload/trace-types.ts';
import { countsRow, drain, durationRow, memoryRow, tempDir, writeCounts, writeDurations, writeMemory } from './helpers.ts';

/** Element-wise equality without vitest's slow deep diff on large arrays. */
const same = (x: number[], y: number[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

let dir = '';
beforeAll(() => {
  dir = tempDir();
  const A = countsRow({ app: 'a1', func: 'fA', counts: { 1: 3, 2: 5, 1440: 2 } });
  writeCounts(dir, 1, [
    A,
    countsRow({ app: 'a1', func: 'fB', counts: { 10: 1 } }),
    countsRow({ app: 'a1', func: 'fC', counts: {} }),
    countsRow({ app: 'a2', func: 'fD', counts: { 5: 7 } }),
    countsRow({ app: 'a3', func: 'fE', counts: { 700: 2 } }),
    A,
    countsRow({ app: 'a2', func: 'fF', trigger: 'timer', counts: { 3: 1, 61: 4 } }),
  ]);
  writeDurations(dir, 1, [
    durationRow('a1', 'fA', 100),
    durationRow('a1', 'fB', 0),
    durationRow('a1', 'fC', 50),
    durationRow('a3', 'fE', 10),
    durationRow('a2', 'fF', 2000),
    durationRow('a2', 'fF', 2000),
    durationRow('a9', 'fZ', 1),
  ]);
  writeMemory(dir, 1, [memoryRow('a1', 300), memoryRow('a2', 200)]);
  writeCounts(dir, 2, [countsRow({ app: 'a1', func: 'fA', counts: { 1: 1 } }), countsRow({ app: 'a2', func: 'fF', counts: {} })]);
  writeDurations(dir, 2, [durationRow('a1', 'fA', 999)]);
});

describe('loadAzure2019 joins and drops', () => {
  it('keeps joined functions and reports every drop with its reason', async () => {
    const w = await loadAzure2019({ dir, rng: new RandomStreams(1) });
    expect(w.functions.map((f) => f.hash)).toEqual(['fA', 'fF']);
    expect(w.report.dropped).toEqual({ duplicate: 1, 'zero-average': 1, 'no-invocations': 1, 'missing-duration-join': 1, 'missing-memory-join': 1 });
    expect(w.report.ignoredRows).toEqual({ 'duplicate-duration-rows': 1, 'durations-without-invocations': 1 });
    const dropped = Object.values(w.report.dropped).reduce((a, b) => a + b, 0);
    expect(w.report.functionsRead).toBe(w.report.functionsKept + dropped);
    expect(w.report.invocationsKept).toBe(15);
    expect(w.functions.map((f) => f.invocations)).toEqual([10, 5]);
    expect(w.functions[0]!.name).toBe('a1-fA');
    expect(w.functions[1]!.trigger).toBe('timer');
    const csv = traceFunctionsCsv(w.functions).trim().split('\n');
    expect(csv[0]).toBe('index,function,owner,app,hash,trigger,memory_mib,mean_duration_ms,invocations');
    expect(csv[1]).toBe('0,a1-fA,o,a1,fA,http,100,100,10');
  });

  it('durations are ms percentiles converted to us; memory is the app share (FaasCache) or whole app', async () => {
    const w = await loadAzure2019({ dir, rng: new RandomStreams(1) });
    expect(w.functions[0]!.duration.mean).toBe(100_000);
    // a1 lists 3 functions in the durations file: ceil(300 / 3); a2 lists one (fF).
    expect(w.functions.map((f) => f.memoryMiB)).toEqual([100, 200]);
    const app = await loadAzure2019({ dir, memory: 'app', rng: new RandomStreams(1) });
    expect(app.functions.map((f) => f.memoryMiB)).toEqual([300, 200]);
  });

  it('a window keeps only its minutes, shifted to start at time 0', async () => {
    const w = await loadAzure2019({ dir, windowMinutes: [60, 1440], arrivals: 'equidistant', shift: false, rng: new RandomStreams(1) });
    expect(w.functions.map((f) => [f.hash, f.invocations])).toEqual([
      ['fA', 2],
      ['fF', 4],
    ]);
    const { times, payloads } = drain(w.stream(0, new RandomStreams(1)));
    expect(payloads).toEqual([1, 1, 1, 1, 0, 0]);
    expect(times).toEqual([0, 15e6, 30e6, 45e6, 1379 * 60e6, 1379 * 60e6 + 30e6]);
    const none = await loadAzure2019({ dir, windowMinutes: [100, 200], rng: new RandomStreams(1) });
    expect(none.functions).toEqual([]);
    // Window checks come before the joins: every function with invocations is outside this window.
    expect(none.report.dropped['outside-window']).toBe(5);
  });

  it('several days are laid back to back; durations come from the first day with a valid row', async () => {
    const w = await loadAzure2019({ dir, days: [1, 2], arrivals: 'equidistant', shift: false, rng: new RandomStreams(1) });
    expect(w.functions.map((f) => f.invocations)).toEqual([11, 5]);
    expect(w.functions[0]!.duration.mean).toBe(100_000);
    const { times, payloads } = drain(w.stream(0, new RandomStreams(1)));
    expect(times.at(-1)).toBe(1440 * 60e6);
    expect(payloads.at(-1)).toBe(0);
    expect(w.report.files).toContain('invocations_per_function_md.anon.d02.csv');
  });

  it('rejects bad days and windows', async () => {
    await expect(loadAzure2019({ dir, days: [2, 1], rng: new RandomStreams(1) })).rejects.toThrow(/strictly increasing/);
    await expect(loadAzure2019({ dir, days: [3], rng: new RandomStreams(1) })).rejects.toThrow(/no invocation file for day 3/);
    await expect(loadAzure2019({ dir, windowMinutes: [5, 5], rng: new RandomStreams(1) })).rejects.toThrow(/windowMinutes/);
  });
});

describe('replay stream', () => {
  let big = '';
  const nF = 40;
  const expected: number[][] = [];
  beforeAll(() => {
    big = tempDir();
    const rows: string[] = [];
    const durs: string[] = [];
    const rng = new RandomStreams('fixture').stream('x');
    for (let f = 0; f < nF; f++) {
      const counts: Record<number, number> = {};
      const e = new Array<number>(1440).fill(0);
      for (let m = 1; m <= 1440; m++) {
        const c = rng.next() < 0.3 ? Math.floor(rng.next() * (f % 5 === 0 ? 120 : 6)) : 0;
        if (c > 0) {
          counts[m] = c;
          e[m - 1] = c;
        }
      }
      expected.push(e);
      rows.push(countsRow({ app: `app${f % 7}`, func: `fn${f}`, counts }));
      durs.push(durationRow(`app${f % 7}`, `fn${f}`, 10 + f));
    }
    writeCounts(big, 1, rows);
    writeDurations(big, 1, durs);
    writeMemory(
      big,
      1,
      Array.from({ length: 7 }, (_, a) => memoryRow(`app${a}`, 128)),
    );
  });

  for (const arrivals of ['exponential', 'uniform', 'equidistant', 'faascache'] as const) {
    for (const shift of [false, true]) {
      it(`${arrivals} shift=${shift}: per-minute counts exact, time-ordered, deterministic`, async () => {
        const w = await loadAzure2019({ dir: big, arrivals, shift, rng: new RandomStreams(5) });
        const run = (seed: number) => drain(w.stream(1000, new RandomStreams(seed)));
        const a = run(5);
        const got = Array.from({ length: nF }, () => new Array<number>(1440).fill(0));
        let ordered = true;
        for (let i = 0; i < a.times.length; i++) {
          const t = a.times[i]!;
          if (!Number.isInteger(t)) ordered = false;
          if (i > 0) {
            const prev = a.times[i - 1]!;
            if (t < prev || (t === prev && a.payloads[i]! < a.payloads[i - 1]!)) ordered = false;
          }
          got[a.payloads[i]! - 1000]![Math.floor(t / 60e6)]!++;
        }
        expect(ordered).toBe(true);
        expect(got).toEqual(expected);
        const b = run(5);
        expect(same(b.times, a.times) && same(b.payloads, a.payloads)).toBe(true);
        if (arrivals !== 'faascache' && (shift || arrivals !== 'equidistant')) expect(same(run(6).times, a.times)).toBe(false);
        // Unshifted, every active minute of every function has an arrival at the minute start.
        if (!shift || arrivals === 'faascache') {
          const starts = new Set(a.times.filter((t) => t % 60e6 === 0));
          const activeMinutes = new Set<number>();
          expected.forEach((e) => e.forEach((c, m) => c > 0 && activeMinutes.add(m * 60e6)));
          expect(starts).toEqual(activeMinutes);
        }
      });
    }
  }

  it('rate scaling: integer scales multiply counts exactly; fractional scales round stochastically and deterministically', async () => {
    const two = await loadAzure2019({ dir: big, rateScale: 2, rng: new RandomStreams(5) });
    const one = await loadAzure2019({ dir: big, rng: new RandomStreams(5) });
    expect(two.functions.map((f) => f.invocations)).toEqual(one.functions.map((f) => 2 * f.invocations));
    const half = await loadAzure2019({ dir: big, rateScale: 0.5, rng: new RandomStreams(5) });
    const again = await loadAzure2019({ dir: big, rateScale: 0.5, rng: new RandomStreams(5) });
    expect(half.functions.map((f) => f.invocations)).toEqual(again.functions.map((f) => f.invocations));
    expect(half.report.rateScale).toBe(0.5);
    const total = one.report.invocationsKept;
    expect(Math.abs(half.report.invocationsKept - total / 2)).toBeLessThan(4 * Math.sqrt(total));
    const { times, payloads } = drain(half.stream(0, new RandomStreams(1)));
    const got = new Map<string, number>();
    times.forEach((t, i) => {
      const k = `${half.functions[payloads[i]!]!.hash}/${Math.floor(t / 60e6)}`;
      got.set(k, (got.get(k) ?? 0) + 1);
    });
    for (const [k, c] of got) {
      const [fn, m] = k.split('/');
      const orig = expected[Number(fn!.slice(2))]![Number(m)]!;
      expect(c === Math.floor(orig / 2) || c === Math.ceil(orig / 2)).toBe(true);
    }
  });

  it('sampling picks from the joined functions and reports the rest as not-sampled', async () => {
    const w = await loadAzure2019({ dir: big, sample: { representative: 8 }, rng: new RandomStreams(5) });
    expect(w.functions.length).toBe(8);
    expect(w.report.dropped['not-sampled']).toBe(nF - 8);
    expect(w.report.sample).toBe('representative(n=8)');
    const top = await loadAzure2019({ dir: big, sample: { top: 3 }, rng: new RandomStreams(5) });
    const all = await loadAzure2019({ dir: big, rng: new RandomStreams(5) });
    const best = all.functions
      .map((f) => f.invocations)
      .sort((a, b) => b - a)
      .slice(0, 3);
    expect(top.functions.map((f) => f.invocations).sort((a, b) => b - a)).toEqual(best);
  });
});

it('the vHive loader layout (invocations.csv, durations.csv, per-function memory.csv) is read', async () => {
  const d = tempDir();
  writeFileSync(
    join(d, 'invocations.csv'),
    `HashOwner,HashApp,HashFunction,Trigger,${Array.from({ length: 1440 }, (_, i) => i + 1).join(',')}\no,a,f,http,${new Array(1440).fill(1).join(',')}\n`,
  );
  writeFileSync(
    join(d, 'durations.csv'),
    `HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100\no,a,f,5,1440,1,9,1,2,4,5,6,8,9\n`,
  );
  writeFileSync(
    join(d, 'memory.csv'),
    `HashOwner,HashApp,HashFunction,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100\no,a,f,10,99.5,90,91,95,99,100,110,120,130\n`,
  );
  const w = await loadAzure2019({ dir: d, rng: new RandomStreams(1) });
  expect(w.functions[0]!.memoryMiB).toBe(100);
  expect(w.functions[0]!.invocations).toBe(1440);
  const q = w.functions[0]!.duration as unknown as { quantile(p: number): number };
  expect([q.quantile(0), q.quantile(50), q.quantile(100)]).toEqual([1000, 5000, 9000]);
});
