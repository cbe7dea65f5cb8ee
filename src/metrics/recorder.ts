// Streaming recorder of a run: counts by outcome, latency histograms (end-to-end, queueing,
// execution, per start path and phase), per-function tallies, idle memory, and optionally one CSV
// row per invocation. Memory is bounded by the number of functions, not of invocations.
import type { StartOutcome } from '../model/coldstart/start-path.ts';
import type { Instance } from '../model/instance.ts';
import type { Invocation } from '../model/invocation.ts';
import type { PlatformObserver, TeardownReason } from '../model/observer.ts';
import { LogHistogram } from '../engine/histogram.ts';
import { type InvocationColumns, InvocationRowSink } from './invocation-rows/index.ts';

export class FunctionTally {
  arrivals = 0;
  completed = 0;
  dropped = 0;
  failed = 0;
  cold = 0;
  latencySumUs = 0;
  latencyMaxUs = 0;
  waitSumUs = 0;
  execSumUs = 0;
  coldStartSumUs = 0;
  instancesStarted = 0;
  /** Idle memory, MiB x us. */
  idleMiBUs = 0;
  /** Billed execution, MiB x us (each execution rounded up to 1 ms, as Lambda bills). */
  billedMiBUs = 0;
  /**
   * Completed requests' end-to-end latency, wait, and wait of cold ones (us), for percentiles.
   * Latency and wait are added in batches (Recorder.flushFunctionHistograms): read them after it.
   */
  readonly latency = new LogHistogram();
  readonly coldWait = new LogHistogram();
  /** Waits above 0; the zeros (most warm requests) only counted, so the histogram's range stays
   * that of the waits (one from 0 to a cold start's second spans ~2,300 buckets). */
  readonly nonzeroWait = new LogHistogram();
  zeroWaits = 0;

  /** Every completed request's wait (us), the zeros included. */
  waitHistogram(): LogHistogram {
    const h = new LogHistogram();
    h.merge(this.nonzeroWait);
    if (this.zeroWaits > 0) h.add(0, this.zeroWaits);
    return h;
  }
}

/** Completed requests whose per-function latency and wait are kept before being added, by function. */
const FUNCTION_BATCH = 1 << 14;

export class PathStats {
  count = 0;
  readonly startTime = new LogHistogram();
  readonly phases = new Map<string, LogHistogram>();
}

export interface RecorderOptions {
  readonly functionNames: readonly string[];
  readonly functionMemoryMiB: readonly number[];
  /** Phase columns for invocations.csv, from the start path. */
  readonly phaseNames: readonly string[];
  /** The phase entries that are counts or bytes, not times (summarised unscaled). */
  readonly counterNames?: readonly string[];
  /** Path of invocations.csv, or null to not write it. */
  readonly invocationsPath: string | null;
  /** Its columns: the native ones (default) or InVitro's. */
  readonly invocationColumns?: InvocationColumns;
  /** Fraction of invocations written (1: all), chosen by a hash of the invocation id. */
  readonly invocationsSample?: number;
  /**
   * False: the file has no header row, only rows, so that parts written separately can be
   * concatenated after one header. Default true.
   */
  readonly invocationsHeader?: boolean;
}

/** A 32-bit integer hash (murmur3's finaliser): a deterministic, seed-free sample by id. */
export function idHash(id: number): number {
  let h = (id ^ Math.floor(id / 2 ** 32)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Recorder implements PlatformObserver {
  arrivals = 0;
  completed = 0;
  readonly dropped = new Map<string, number>();
  readonly failed = new Map<string, number>();
  readonly latency = new LogHistogram();
  readonly wait = new LogHistogram();
  readonly execution = new LogHistogram();
  readonly coldWait = new LogHistogram();
  readonly paths = new Map<string, PathStats>();
  readonly teardowns = new Map<TeardownReason, number>();
  readonly functions: FunctionTally[];
  coldInvocations = 0;
  /** Completed requests that waited for any instance start, cold or served by another instance. */
  waitedForStart = 0;
  /** Sum of the start times (start to ready) of all instances, us. */
  startTimeSumUs = 0;
  prewarmStarted = 0;
  prewarmHits = 0;
  prewarmMisses = 0;
  prewarmFailures = 0;
  instancesStarted = 0;
  instancesReady = 0;
  idleMiBUs = 0;
  lastEnd = 0;
  // Interval counters, reset by the time-series sampler.
  intervalArrivals = 0;
  intervalCompleted = 0;
  intervalCold = 0;
  intervalDropped = 0;
  private readonly writer: InvocationRowSink | null;
  /** Rows are written for invocations whose id hash is below this (2^32: all). */
  private readonly sampleBelow: number;

  /** Phase entries that are counts or bytes, not times. */
  readonly counterNames: ReadonlySet<string>;

  // Completed requests not yet added to their function's latency and wait histograms.
  private readonly batchFn = new Int32Array(FUNCTION_BATCH);
  private readonly batchLatency = new Float64Array(FUNCTION_BATCH);
  private readonly batchWait = new Float64Array(FUNCTION_BATCH);
  private batchSize = 0;
  /** Scratch of the counting sort by function: a start per function, then the batch's order. */
  private batchStarts: Int32Array | null = null;
  private readonly batchOrder = new Int32Array(FUNCTION_BATCH);

  /** Adds the batched requests to their functions' histograms (grouped by function, in order within one). */
  flushFunctionHistograms(): void {
    const n = this.batchSize;
    if (n === 0) return;
    const fns = this.batchFn;
    const starts = (this.batchStarts ??= new Int32Array(this.functions.length + 1));
    starts.fill(0);
    for (let k = 0; k < n; k++) starts[fns[k]! + 1]!++;
    for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
    const order = this.batchOrder;
    for (let k = 0; k < n; k++) order[starts[fns[k]!]!++] = k;
    for (let j = 0; j < n; j++) {
      const k = order[j]!;
      const f = this.functions[fns[k]!]!;
      f.latency.add(this.batchLatency[k]!);
      const w = this.batchWait[k]!;
      if (w === 0) f.zeroWaits++;
      else f.nonzeroWait.add(w);
    }
    this.batchSize = 0;
  }

  constructor(private readonly opts: RecorderOptions) {
    this.counterNames = new Set(opts.counterNames ?? []);
    this.functions = opts.functionNames.map(() => new FunctionTally());
    this.sampleBelow = (opts.invocationsSample ?? 1) >= 1 ? 2 ** 32 : Math.floor((opts.invocationsSample ?? 1) * 2 ** 32);
    this.writer = opts.invocationsPath
      ? new InvocationRowSink({
          path: opts.invocationsPath,
          functionNames: opts.functionNames,
          phaseNames: opts.phaseNames,
          columns: opts.invocationColumns ?? 'native',
          header: opts.invocationsHeader ?? true,
        })
      : null;
  }

  /** Arrivals and how many ended each way (for the end-of-run check that each ended once). */
  endCounts(): { arrivals: number; completed: number; dropped: number; failed: number } {
    let dropped = 0;
    let failed = 0;
    for (const n of this.dropped.values()) dropped += n;
    for (const n of this.failed.values()) failed += n;
    return { arrivals: this.arrivals, completed: this.completed, dropped, failed };
  }

  get starting(): number {
    return this.instancesStarted - this.instancesReady;
  }

  arrival(inv: Invocation): void {
    this.arrivals++;
    this.intervalArrivals++;
    this.functions[inv.fn]!.arrivals++;
  }

  ended(inv: Invocation, now: number): void {
    const f = this.functions[inv.fn]!;
    if (now > this.lastEnd) this.lastEnd = now;
    if (inv.outcome === 'completed') {
      this.completed++;
      this.intervalCompleted++;
      f.completed++;
      const lat = inv.end - inv.arrival;
      const w = inv.dispatch - inv.arrival;
      const ex = inv.end - inv.dispatch;
      this.latency.add(lat);
      this.wait.add(w);
      this.execution.add(ex);
      f.latencySumUs += lat;
      if (lat > f.latencyMaxUs) f.latencyMaxUs = lat;
      // Per-function histograms are added to in batches grouped by function: one add per request
      // touched a cold histogram on a 10,000-function replay (+10-12% of its time, paired runs).
      const k = this.batchSize;
      this.batchFn[k] = inv.fn;
      this.batchLatency[k] = lat;
      this.batchWait[k] = w;
      if (++this.batchSize === FUNCTION_BATCH) this.flushFunctionHistograms();
      f.waitSumUs += w;
      f.execSumUs += ex;
      f.billedMiBUs += Math.ceil(ex / 1000) * 1000 * this.opts.functionMemoryMiB[inv.fn]!;
      if (inv.cold || inv.waitedForStart) this.waitedForStart++;
      if (inv.cold) {
        this.coldInvocations++;
        this.intervalCold++;
        f.cold++;
        f.coldStartSumUs += w;
        f.coldWait.add(w);
        this.coldWait.add(w);
      }
    } else {
      const table = inv.outcome === 'dropped' ? this.dropped : this.failed;
      table.set(inv.reason, (table.get(inv.reason) ?? 0) + 1);
      if (inv.outcome === 'dropped') {
        f.dropped++;
        this.intervalDropped++;
      } else {
        f.failed++;
      }
    }
    if (this.writer && (this.sampleBelow >= 2 ** 32 || idHash(inv.id) < this.sampleBelow)) {
      const phases = inv.cold ? this.coldPhases.get(inv.instance) : undefined;
      this.writer.add(inv, phases);
      if (phases) this.coldPhases.delete(inv.instance);
    }
  }

  // Phases of instances whose first (cold) invocation has not ended yet, for its CSV row.
  private readonly coldPhases = new Map<number, Readonly<Record<string, number>>>();

  instanceStarted(inst: Instance): void {
    this.instancesStarted++;
    if (inst.prewarmed) this.prewarmStarted++;
    this.functions[inst.fn]!.instancesStarted++;
  }

  instanceReady(inst: Instance, outcome: StartOutcome, now: number): void {
    this.instancesReady++;
    let p = this.paths.get(outcome.path);
    if (!p) {
      p = new PathStats();
      this.paths.set(outcome.path, p);
    }
    p.count++;
    p.startTime.add(now - inst.startedAt);
    this.startTimeSumUs += now - inst.startedAt;
    const phases = outcome.phases;
    // for-in, not Object.entries: no array per phase on every cold start (a plain record's own
    // keys, in the same insertion order).
    for (const name in phases) {
      let h = p.phases.get(name);
      if (!h) {
        h = new LogHistogram();
        p.phases.set(name, h);
      }
      h.add(phases[name]!);
    }
    if (this.writer) this.coldPhases.set(inst.id, outcome.phases);
  }

  idlePeriod(inst: Instance, from: number, to: number): void {
    const v = (to - from) * inst.memoryMiB;
    this.idleMiBUs += v;
    this.functions[inst.fn]!.idleMiBUs += v;
  }

  instanceDead(inst: Instance, reason: TeardownReason): void {
    this.teardowns.set(reason, (this.teardowns.get(reason) ?? 0) + 1);
    if (inst.prewarmed && inst.served === 0) this.prewarmMisses++;
    if (this.writer) this.coldPhases.delete(inst.id);
  }

  prewarmHit(): void {
    this.prewarmHits++;
  }

  prewarmFailed(): void {
    this.prewarmFailures++;
  }

  /** Finishes invocations.csv; throws if it could not be written completely. */
  close(): void {
    this.flushFunctionHistograms();
    this.writer?.close();
  }

  /** Stops writing invocations.csv without finishing it, for a run that failed; never throws. */
  abort(): void {
    this.writer?.abort();
  }
}
