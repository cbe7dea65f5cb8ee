// A trace restricted to some of its functions (one cell of a split run) streams exactly the full
// stream's arrivals of those functions, renumbered, for both readers and the synthetic generator's
// traces; it holds only those functions' data (repacked), and subsets compose.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { CountEntries, MinuteCursor, packMinuteCounts, restrictMinuteCounts } from '../../src/workload/azure2019/minute-counts.ts';
import { loadAzure2021 } from '../../src/workload/azure2021/load.ts';
import { restrictMinuteOffsets, type MinuteOffsets } from '../../src/workload/azure2021/stream.ts';
import { synthesizeTrace } from '../../src/workload/synth/write.ts';
import type { TraceWorkload } from '../../src/workload/trace-types.ts';
import { workloadFromTransfer } from '../../src/workload/transfer.ts';
import type { Empirical } from '../../src/engine/distributions.ts';
import { drain, tempDir } from './helpers.ts';

const SEED = 11;

/** Arrivals as "time payload" lines: one string compare, and a readable first difference. */
function arrivals(w: TraceWorkload, base: number): string[] {
  const { times, payloads } = drain(w.stream(base, new RandomStreams(SEED)));
  return times.map((t, i) => `${t} ${payloads[i]}`);
}

/** The full stream's arrivals of `indices` (full stream at base 0), renumbered to `base + position`. */
function expected(full: string[], indices: readonly number[], base: number): string[] {
  const pos = new Map(indices.map((i, k) => [i, k]));
  const out: string[] = [];
  for (const line of full) {
    const [t, p] = line.split(' ');
    const k = pos.get(Number(p));
    if (k !== undefined) out.push(`${t} ${base + k}`);
  }
  return out;
}

/** Every `step`-th function from `from`, plus the last: a spread-out, strictly increasing choice. */
const every = (n: number, step: number, from = 0): number[] => {
  const out: number[] = [];
  for (let i = from; i < n; i += step) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
};

/** The guarantees every TraceWorkload.subset gives, checked on a loaded trace. */
function checkSubsets(w: TraceWorkload): void {
  const n = w.functions.length;
  const full = arrivals(w, 0);
  expect(full.length).toBeGreaterThan(0);

  const picks = [every(n, 3), every(n, 7, 2), [0], [n - 1], [1, 2]];
  for (const indices of picks) {
    const s = w.subset(indices);
    expect(s.functions.length).toBe(indices.length);
    s.functions.forEach((f, k) => expect(f).toBe(w.functions[indices[k]!]));
    expect(s.report).toBe(w.report);
    const got = arrivals(s, 1000);
    expect(got.length).toBe(indices.reduce((sum, i) => sum + w.functions[i]!.invocations, 0));
    expect(got).toEqual(expected(full, indices, 1000));
    // Handed to a worker thread (structured clone of its plain data), it is the same workload.
    const back = workloadFromTransfer(structuredClone(s.transfer()));
    expect(arrivals(back, 1000)).toEqual(got);
    back.functions.forEach((f, k) => {
      const o = s.functions[k]!;
      const { duration, memoryDistribution, ...rest } = f;
      const { duration: od, memoryDistribution: om, ...orest } = o;
      expect(rest).toEqual(orest);
      expect(duration.mean).toBe(od.mean);
      for (const q of [0, 13, 50, 99.9, 100]) expect((duration as Empirical).quantile(q)).toBe((od as Empirical).quantile(q));
      expect(memoryDistribution?.mean).toBe(om?.mean);
    });
  }

  // Cells partition the trace: their arrivals together are exactly the full stream's.
  const cells = [0, 1, 2].map((c) => every(n, 3, c).filter((i) => i % 3 === c));
  const total = cells.reduce((sum, c) => sum + arrivals(w.subset(c), 0).length, 0);
  expect(total).toBe(full.length);

  // A subset of a subset is the subset of the composed indexes.
  const outer = every(n, 2);
  const inner = every(outer.length, 3, 1);
  const nested = w.subset(outer).subset(inner);
  const direct = inner.map((k) => outer[k]!);
  expect(nested.functions).toEqual(direct.map((i) => w.functions[i]));
  expect(arrivals(nested, 5)).toEqual(expected(full, direct, 5));

  // All functions: the full stream, arrival for arrival.
  const all = w.subset(w.functions.map((_, i) => i));
  expect(arrivals(all, 0)).toEqual(full);

  // No functions: exhausted from the start.
  const none = w.subset([]);
  expect(none.functions).toEqual([]);
  expect(none.stream(0, new RandomStreams(SEED)).time).toBe(Infinity);

  for (const bad of [[1, 1], [2, 1], [-1], [n], [0.5]]) expect(() => w.subset(bad)).toThrow(RangeError);
}

describe('subset of an Azure 2019 trace (synthetic generator output)', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('subset-2019-');
    synthesizeTrace({ out: dir, functions: 120, days: 1, seed: 5 });
  });

  for (const arrivalsMode of ['exponential', 'faascache'] as const) {
    it(`${arrivalsMode}: same arrivals as the full stream for the chosen functions`, async () => {
      const w = await loadAzure2019({ dir, windowMinutes: [0, 90], arrivals: arrivalsMode, rng: new RandomStreams(SEED) });
      expect(w.functions.length).toBeGreaterThan(40);
      checkSubsets(w);
    });
  }

  it('with rate scaling and a window that does not start at 0', async () => {
    const w = await loadAzure2019({ dir, windowMinutes: [600, 660], rateScale: 1.7, rng: new RandomStreams(SEED) });
    checkSubsets(w);
  });

  it('equidistant placement makes ties at one instant, still broken by function index', async () => {
    const w = await loadAzure2019({ dir, windowMinutes: [0, 30], arrivals: 'equidistant', shift: false, rng: new RandomStreams(SEED) });
    const full = arrivals(w, 0);
    // Every function's first arrival of each active minute is at the minute's start: many ties.
    expect(full.filter((l) => l.startsWith('0 ')).length).toBeGreaterThan(5);
    checkSubsets(w);
  });
});

describe('subset of an Azure 2021 trace', () => {
  let file = '';
  beforeAll(() => {
    // 8 functions of 3 apps over ~6 minutes, with tied starts across functions and within one.
    const rows = ['app,func,end_timestamp,duration'];
    let x = 12345;
    const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let r = 0; r < 400; r++) {
      const f = Math.floor(next() * 8);
      const start = Math.floor(next() * 360 * 1000) / 1000;
      const dur = Math.floor(next() * 5000) / 1000;
      rows.push(`app${f % 3},fn${f},${(start + dur).toFixed(3)},${dur.toFixed(3)}`);
    }
    for (const [f, d] of [
      [1, 2],
      [2, 3],
      [1, 4],
      [5, 0.5],
    ] as const)
      rows.push(`app${f % 3},fn${f},${100 + d},${d}`);
    file = join(tempDir('subset-2021-'), 'trace.csv');
    writeFileSync(file, rows.join('\n') + '\n');
  });

  for (const rateScale of [1, 2.5]) {
    it(`rate scale ${rateScale}: same arrivals, each paired with the same recorded duration`, async () => {
      const w = await loadAzure2021({ file, rateScale, rng: new RandomStreams(SEED) });
      expect(w.functions.length).toBe(8);
      checkSubsets(w);

      // The platform pairs a function's k-th arrival with recordedUs[k]: the pairs must not move.
      const paired = (t: TraceWorkload): string[] => {
        const { times, payloads } = drain(t.stream(0, new RandomStreams(SEED)));
        const seen = new Array<number>(t.functions.length).fill(0);
        return times.map((time, i) => {
          const f = t.functions[payloads[i]!]!;
          return `${time} ${f.name} ${f.recordedUs![seen[payloads[i]!]!++]}`;
        });
      };
      const indices = [1, 2, 5, 7];
      const s = w.subset(indices);
      const keep = new Set(indices.map((i) => w.functions[i]!.name));
      expect(paired(s)).toEqual(paired(w).filter((l) => keep.has(l.split(' ')[1]!)));
      s.functions.forEach((f) => expect(f.recordedUs!.length).toBe(f.invocations));
    });
  }

  it('redrawn durations: no recorded durations, subsets still exact', async () => {
    const w = await loadAzure2021({ file, durations: 'redraw', rng: new RandomStreams(SEED) });
    expect(w.subset([0, 3]).functions.every((f) => f.recordedUs === undefined)).toBe(true);
    checkSubsets(w);
  });
});

describe('a subset holds only its functions data', () => {
  /** Each minute's (function, count) entries. */
  const unpack = (c: ReturnType<typeof packMinuteCounts>): string => {
    const cur = new MinuteCursor(c);
    const out: string[] = [];
    for (let m = 0; m < c.minutes; m++) {
      cur.seek(m);
      while (cur.next()) out.push(`${m}:${cur.fn}x${cur.count}`);
    }
    return out.join(' ');
  };

  it('2019 counts repacked for the subset equal the counts packed for those functions alone', () => {
    const e = new CountEntries();
    // 300 functions (indexes past 127 take two varint bytes), 4 minutes, counts up to 200.
    for (let m = 0; m < 4; m++) for (let f = 0; f < 300; f++) if ((f * 7 + m) % 5 !== 0) e.push(f, m, 1 + ((f * 31 + m * 17) % 200));
    const scaled = Float64Array.from(e.count);
    const full = packMinuteCounts(
      e,
      scaled,
      Int32Array.from({ length: 300 }, (_, i) => i),
      4,
    );
    const indices = every(300, 4, 1);
    const remap = new Int32Array(300).fill(-1);
    indices.forEach((i, k) => (remap[i] = k));
    const sub = restrictMinuteCounts(full, remap);
    const alone = packMinuteCounts(e, scaled, remap, 4);
    expect(sub.bytes).toEqual(alone.bytes);
    expect(sub.start).toEqual(alone.start);
    expect(sub.total).toEqual(alone.total);
    expect(sub.maxCount).toBe(alone.maxCount);
    expect(unpack(sub)).toBe(unpack(alone));
    expect(sub.bytes.length).toBeLessThan(full.bytes.length / 3);
  });

  it('2021 offsets repacked for the subset keep only those functions entries, renumbered', () => {
    const data: MinuteOffsets = {
      minutes: 3,
      start: Int32Array.from([0, 4, 4, 7]),
      fn: Int32Array.from([0, 2, 1, 2, 3, 0, 2]),
      offset: Int32Array.from([5, 5, 9, 1, 0, 8, 7]),
    };
    const sub = restrictMinuteOffsets(data, Int32Array.from([-1, 0, 1, -1]));
    expect(Array.from(sub.start)).toEqual([0, 3, 3, 4]);
    expect(Array.from(sub.fn)).toEqual([1, 0, 1, 1]);
    expect(Array.from(sub.offset)).toEqual([5, 9, 1, 7]);
  });
});

describe('a subset keeps nothing of the full trace alive', () => {
  /** Loads a trace, keeps the subset [0, 2], and returns weak references to what should go. */
  async function loadAndSubset(load: () => Promise<TraceWorkload>): Promise<{ sub: TraceWorkload; full: WeakRef<TraceWorkload>; leftOut: WeakRef<object> }> {
    const w = await load();
    return { sub: w.subset([0, 2]), full: new WeakRef(w), leftOut: new WeakRef(w.functions[1]!) };
  }

  it('the full workload and the functions left out are collected once the caller drops them', async () => {
    // A full collection on demand: the flag can be set at run time, and a new context then has gc.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const dir = tempDir('subset-gc-');
    synthesizeTrace({ out: dir, functions: 40, days: 1, seed: 3 });
    const csv = join(dir, 'trace2021.csv');
    writeFileSync(csv, ['app,func,end_timestamp,duration', 'a,f0,10,1', 'a,f1,20,2', 'b,f2,30,1', 'b,f2,90,3', 'a,f1,95,1'].join('\n') + '\n');
    const loads: Array<() => Promise<TraceWorkload>> = [
      () => loadAzure2021({ file: csv, rng: new RandomStreams(SEED) }),
      () => loadAzure2019({ dir, windowMinutes: [0, 60], rng: new RandomStreams(SEED) }),
      async () => (await loadAzure2019({ dir, windowMinutes: [0, 60], rng: new RandomStreams(SEED) })).subset([1, 2, 3, 4, 5]),
    ];
    for (const load of loads) {
      const { sub, full, leftOut } = await loadAndSubset(load);
      // A few rounds: a collection may leave an object that a finished job still had in hand.
      for (let round = 0; round < 5 && (full.deref() || leftOut.deref()); round++) {
        await new Promise((r) => setTimeout(r, 0));
        gc();
      }
      expect(full.deref()).toBeUndefined();
      expect(leftOut.deref()).toBeUndefined();
      expect(sub.functions.length).toBe(2);
      expect(arrivals(sub, 0).length).toBe(sub.functions[0]!.invocations + sub.functions[1]!.invocations);
    }
  });
});
