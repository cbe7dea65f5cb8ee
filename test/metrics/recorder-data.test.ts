// A recorder as plain data and back: absorbing the data of cells gives the totals of all of them,
// and a JSON round trip changes nothing the summary reads.
import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../src/engine/histogram.ts';
import { Recorder } from '../../src/metrics/recorder.ts';
import { absorbRecorder, recorderData } from '../../src/metrics/recorder-data.ts';
import { buildSummary, functionRows } from '../../src/metrics/summary.ts';

function recorder(names: string[]): Recorder {
  return new Recorder({ functionNames: names, functionMemoryMiB: names.map(() => 128), phaseNames: [], invocationsPath: null });
}

/** Feeds `r` completed, dropped and cold invocations of function `fn`. */
function feed(r: Recorder, fn: number, n: number, seed: number): void {
  for (let i = 0; i < n; i++) {
    const arrival = 1000 * i;
    const wait = (i * seed) % 7 === 0 ? 0 : 37 * ((i + seed) % 11);
    const inv = {
      id: i,
      fn,
      arrival,
      dispatch: arrival + wait,
      end: arrival + wait + 500 + ((i * 13 * seed) % 900),
      outcome: i % 17 === 0 ? 'dropped' : 'completed',
      reason: 'queue-timeout',
      cold: i % 5 === 0,
      waitedForStart: false,
      instance: 0,
    };
    r.arrival(inv as never);
    r.ended(inv as never, inv.end);
  }
  r.idleMiBUs += 1.5 * seed;
}

const summaryOf = (r: Recorder, functions: { app: string }[]) =>
  buildSummary({
    name: 'x',
    seed: 1,
    toolVersion: 't',
    policies: {},
    durationUs: 1e6,
    endUs: 1e6,
    events: 0,
    nodes: 1,
    functions,
    recorder: r,
    cost: { perRequestUSD: 0, perGBsUSD: 0, nodeHourUSD: 0 },
    notes: [],
    policyStats: {},
    traces: [],
  });

describe('recorder data', () => {
  it('histograms survive JSON exactly (buckets, sum, min, max; empty ones too)', () => {
    const h = new LogHistogram();
    for (const v of [0, 3, 127, 128, 5000, 1e9]) h.add(v);
    const back = LogHistogram.fromJSON(JSON.parse(JSON.stringify(h.toJSON())));
    for (const q of [0, 0.1, 0.5, 0.9, 0.99, 1]) expect(back.quantile(q)).toBe(h.quantile(q));
    expect([back.count, back.sum, back.min, back.max]).toEqual([h.count, h.sum, h.min, h.max]);
    const empty = LogHistogram.fromJSON(JSON.parse(JSON.stringify(new LogHistogram().toJSON())));
    expect([empty.count, empty.min, empty.max]).toEqual([0, Infinity, -Infinity]);
  });

  it('two cells absorbed into one recorder give the counts of both and each function its own tally', () => {
    const one = recorder(['a', 'b']);
    const two = recorder(['c']);
    feed(one, 0, 300, 1);
    feed(one, 1, 50, 2);
    feed(two, 0, 200, 3);
    one.close();
    two.close();
    const merged = recorder(['a', 'c', 'b']);
    absorbRecorder(merged, JSON.parse(JSON.stringify(recorderData(one))), [0, 2]);
    absorbRecorder(merged, JSON.parse(JSON.stringify(recorderData(two))), [1]);
    expect(merged.arrivals).toBe(550);
    expect(merged.completed).toBe(one.completed + two.completed);
    expect(merged.dropped.get('queue-timeout')).toBe(one.dropped.get('queue-timeout')! + two.dropped.get('queue-timeout')!);
    expect(merged.latency.count).toBe(one.latency.count + two.latency.count);
    expect(merged.idleMiBUs).toBe(one.idleMiBUs + two.idleMiBUs);
    // Each function's functions.csv row is the one its own cell would give.
    const rows = functionRows(
      [
        { name: 'a', app: 'a', memoryMiB: 128 },
        { name: 'c', app: 'c', memoryMiB: 128 },
        { name: 'b', app: 'b', memoryMiB: 128 },
      ],
      merged,
    );
    const own1 = functionRows(
      [
        { name: 'a', app: 'a', memoryMiB: 128 },
        { name: 'b', app: 'b', memoryMiB: 128 },
      ],
      one,
    );
    const own2 = functionRows([{ name: 'c', app: 'c', memoryMiB: 128 }], two);
    expect(rows).toEqual([own1[0], own2[0], own1[1]]);
  });

  it('one recorder absorbed alone summarises as itself', () => {
    const r = recorder(['a', 'b']);
    feed(r, 0, 400, 5);
    feed(r, 1, 90, 7);
    r.close();
    const copy = recorder(['a', 'b']);
    absorbRecorder(copy, JSON.parse(JSON.stringify(recorderData(r))), [0, 1]);
    const apps = [{ app: 'a' }, { app: 'b' }];
    expect(JSON.stringify(summaryOf(copy, apps))).toBe(JSON.stringify(summaryOf(r, apps)));
  });
});
