// A finished Recorder as plain data (JSON for a cell's state file, structured clone for a thread),
// and the sum of such data into one Recorder: how the cells of a divided fleet (docs/scale.md)
// become one run's summary and functions.csv. Histograms keep their buckets, so merged percentiles
// are those of one histogram fed every value; counts are exact.
import { LogHistogram, type HistogramData } from '../engine/histogram.ts';
import type { TeardownReason } from '../model/observer.ts';
import { FunctionTally, PathStats, type Recorder } from './recorder.ts';

export interface TallyData {
  readonly arrivals: number;
  readonly completed: number;
  readonly dropped: number;
  readonly failed: number;
  readonly cold: number;
  readonly latencySumUs: number;
  readonly latencyMaxUs: number;
  readonly waitSumUs: number;
  readonly execSumUs: number;
  readonly coldStartSumUs: number;
  readonly instancesStarted: number;
  readonly idleMiBUs: number;
  readonly billedMiBUs: number;
  readonly latency: HistogramData;
  readonly coldWait: HistogramData;
  readonly nonzeroWait: HistogramData;
  readonly zeroWaits: number;
}

export interface PathData {
  readonly count: number;
  readonly startTime: HistogramData;
  readonly phases: readonly (readonly [string, HistogramData])[];
}

export interface RecorderData {
  readonly arrivals: number;
  readonly completed: number;
  readonly dropped: readonly (readonly [string, number])[];
  readonly failed: readonly (readonly [string, number])[];
  readonly latency: HistogramData;
  readonly wait: HistogramData;
  readonly execution: HistogramData;
  readonly coldWait: HistogramData;
  readonly paths: readonly (readonly [string, PathData])[];
  readonly teardowns: readonly (readonly [string, number])[];
  readonly coldInvocations: number;
  readonly waitedForStart: number;
  readonly startTimeSumUs: number;
  readonly prewarmStarted: number;
  readonly prewarmHits: number;
  readonly prewarmMisses: number;
  readonly prewarmFailures: number;
  readonly instancesStarted: number;
  readonly instancesReady: number;
  readonly idleMiBUs: number;
  readonly lastEnd: number;
  /** One per function of the recorder, in its order. */
  readonly functions: readonly TallyData[];
}

function tallyData(t: FunctionTally): TallyData {
  return {
    arrivals: t.arrivals,
    completed: t.completed,
    dropped: t.dropped,
    failed: t.failed,
    cold: t.cold,
    latencySumUs: t.latencySumUs,
    latencyMaxUs: t.latencyMaxUs,
    waitSumUs: t.waitSumUs,
    execSumUs: t.execSumUs,
    coldStartSumUs: t.coldStartSumUs,
    instancesStarted: t.instancesStarted,
    idleMiBUs: t.idleMiBUs,
    billedMiBUs: t.billedMiBUs,
    latency: t.latency.toJSON(),
    coldWait: t.coldWait.toJSON(),
    nonzeroWait: t.nonzeroWait.toJSON(),
    zeroWaits: t.zeroWaits,
  };
}

/** The recorder's totals; call after `close()` (which adds the last batch to the per-function histograms). */
export function recorderData(r: Recorder): RecorderData {
  r.flushFunctionHistograms();
  return {
    arrivals: r.arrivals,
    completed: r.completed,
    dropped: [...r.dropped.entries()],
    failed: [...r.failed.entries()],
    latency: r.latency.toJSON(),
    wait: r.wait.toJSON(),
    execution: r.execution.toJSON(),
    coldWait: r.coldWait.toJSON(),
    paths: [...r.paths.entries()].map(([name, p]) => [
      name,
      { count: p.count, startTime: p.startTime.toJSON(), phases: [...p.phases.entries()].map(([n, h]) => [n, h.toJSON()] as const) },
    ]),
    teardowns: [...r.teardowns.entries()],
    coldInvocations: r.coldInvocations,
    waitedForStart: r.waitedForStart,
    startTimeSumUs: r.startTimeSumUs,
    prewarmStarted: r.prewarmStarted,
    prewarmHits: r.prewarmHits,
    prewarmMisses: r.prewarmMisses,
    prewarmFailures: r.prewarmFailures,
    instancesStarted: r.instancesStarted,
    instancesReady: r.instancesReady,
    idleMiBUs: r.idleMiBUs,
    lastEnd: r.lastEnd,
    functions: r.functions.map(tallyData),
  };
}

function addCounts<K extends string>(into: Map<K, number>, from: readonly (readonly [string, number])[]): void {
  for (const [k, n] of from) into.set(k as K, (into.get(k as K) ?? 0) + n);
}

function setTally(t: FunctionTally, d: TallyData): void {
  t.arrivals = d.arrivals;
  t.completed = d.completed;
  t.dropped = d.dropped;
  t.failed = d.failed;
  t.cold = d.cold;
  t.latencySumUs = d.latencySumUs;
  t.latencyMaxUs = d.latencyMaxUs;
  t.waitSumUs = d.waitSumUs;
  t.execSumUs = d.execSumUs;
  t.coldStartSumUs = d.coldStartSumUs;
  t.instancesStarted = d.instancesStarted;
  t.idleMiBUs = d.idleMiBUs;
  t.billedMiBUs = d.billedMiBUs;
  t.latency.merge(LogHistogram.fromJSON(d.latency));
  t.coldWait.merge(LogHistogram.fromJSON(d.coldWait));
  t.nonzeroWait.merge(LogHistogram.fromJSON(d.nonzeroWait));
  t.zeroWaits = d.zeroWaits;
}

/**
 * Adds `d` (one cell's recorder) into `r`, whose functions are the whole run's: the cell's function
 * k is the run's `functionIndex[k]`. Every function lives in one cell, so its tally is taken as it is;
 * the run's totals are summed (callers add cells in cell order, so sums of doubles are reproducible).
 */
export function absorbRecorder(r: Recorder, d: RecorderData, functionIndex: readonly number[]): void {
  r.arrivals += d.arrivals;
  r.completed += d.completed;
  addCounts(r.dropped, d.dropped);
  addCounts(r.failed, d.failed);
  r.latency.merge(LogHistogram.fromJSON(d.latency));
  r.wait.merge(LogHistogram.fromJSON(d.wait));
  r.execution.merge(LogHistogram.fromJSON(d.execution));
  r.coldWait.merge(LogHistogram.fromJSON(d.coldWait));
  for (const [name, p] of d.paths) {
    let into = r.paths.get(name);
    if (!into) {
      into = new PathStats();
      r.paths.set(name, into);
    }
    into.count += p.count;
    into.startTime.merge(LogHistogram.fromJSON(p.startTime));
    for (const [n, h] of p.phases) {
      let ph = into.phases.get(n);
      if (!ph) {
        ph = new LogHistogram();
        into.phases.set(n, ph);
      }
      ph.merge(LogHistogram.fromJSON(h));
    }
  }
  addCounts<TeardownReason>(r.teardowns, d.teardowns);
  r.coldInvocations += d.coldInvocations;
  r.waitedForStart += d.waitedForStart;
  r.startTimeSumUs += d.startTimeSumUs;
  r.prewarmStarted += d.prewarmStarted;
  r.prewarmHits += d.prewarmHits;
  r.prewarmMisses += d.prewarmMisses;
  r.prewarmFailures += d.prewarmFailures;
  r.instancesStarted += d.instancesStarted;
  r.instancesReady += d.instancesReady;
  r.idleMiBUs += d.idleMiBUs;
  r.lastEnd = Math.max(r.lastEnd, d.lastEnd);
  if (d.functions.length !== functionIndex.length)
    throw new Error(`a cell's recorder holds ${d.functions.length} functions, its index ${functionIndex.length}`);
  d.functions.forEach((t, k) => setTally(r.functions[functionIndex[k]!]!, t));
}
