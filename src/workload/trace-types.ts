// Shared shapes of the Azure Functions trace readers (2019 per-minute counts, 2021 per-invocation):
// what a replayed function looks like, what the reader dropped, and the arrival stream it offers.
import { stringify } from 'csv-stringify/sync';
import type { Distribution } from '../engine/distributions.ts';
import type { OrderedStream } from '../engine/lane.ts';
import type { RandomStreams } from '../engine/random.ts';

export interface TraceFunctionSpec {
  /** Unique and stable: `<first 8 hex of HashApp>-<first 8 hex of HashFunction>` (suffix `~2`.. on a clash). */
  name: string;
  app: string;
  owner: string;
  /** Full function hash (2019) or `func` column (2021). */
  hash: string;
  trigger: string;
  /** Instance memory in MiB (see docs/traces.md "Memory"). */
  memoryMiB: number;
  /** Memory percentiles as a distribution in MiB, for models that draw a size per instance. */
  memoryDistribution?: Distribution;
  /** Execution time in microseconds, clamped to >= 1 us. */
  duration: Distribution;
  /**
   * Exact replay (2021 trace): each arrival's recorded execution time (us), in the order this
   * function's arrivals leave the stream; the platform uses it instead of drawing from `duration`.
   */
  recordedUs?: Float64Array;
  /** Arrivals this function produces in the chosen window, after rate scaling. */
  invocations: number;
}

export interface TraceReport {
  format: 'azure2019' | 'azure2021';
  dir: string;
  /** Base names of the files read, in reading order. */
  files: string[];
  /** Function rows claimed by the invocation files: distinct functions plus duplicate rows. */
  functionsRead: number;
  functionsKept: number;
  /** Reason -> functions (or duplicate rows); functionsRead = functionsKept + sum(dropped). */
  dropped: Record<string, number>;
  /** Rows of the auxiliary files (durations, memory) that were ignored, by reason. */
  ignoredRows: Record<string, number>;
  invocationsKept: number;
  /** Canonical description of how arrivals are generated, echoed into summaries. */
  arrivals: string;
  sample: string;
  rateScale: number;
  /** [start, end) in minutes relative to the first day; time 0 of the stream is `start`. */
  windowMinutes: [number, number];
}

export interface TraceWorkload {
  functions: TraceFunctionSpec[];
  report: TraceReport;
  /**
   * Arrival stream in time order. Payload = baseIndex + index into `functions`. Times in us from 0
   * (the window start). Draws from `arrivals/<name>` streams: call once per run.
   */
  stream(baseIndex: number, rng: RandomStreams): OrderedStream;
  /**
   * The same trace restricted to `functions[i]` for the strictly increasing `indices` (one cell of
   * a split run): those spec objects in that order, the same `report` (the trace as read), and a
   * stream that, on a `RandomStreams` of the same seed, yields exactly the full stream's arrivals of
   * those functions (same times, same order) with payload `baseIndex + position in indices`. The
   * subset holds a repacked copy of its functions' data only, so the full workload can be dropped.
   */
  subset(indices: readonly number[]): TraceWorkload;
  /** The workload as plain data (typed arrays included), for a worker thread: transfer.ts rebuilds it. */
  transfer(): TraceTransfer;
}

/** A trace function as plain data: its laws as (percentile, value) points. */
export type TraceFunctionData = Omit<TraceFunctionSpec, 'duration' | 'memoryDistribution'> & {
  duration: [number, number][];
  memoryDistribution?: [number, number][];
};

/** A loaded trace (or a subset) as plain data, structured-clonable (workload/transfer.ts). */
export type TraceTransfer =
  | {
      kind: 'minute-counts';
      functions: TraceFunctionData[];
      report: TraceReport;
      counts: { minutes: number; start: Float64Array; bytes: Uint8Array; total: Float64Array; maxCount: number };
      mode: ArrivalMode;
      shift: boolean;
    }
  | {
      kind: 'minute-offsets';
      functions: TraceFunctionData[];
      report: TraceReport;
      offsets: { minutes: number; start: Int32Array; fn: Int32Array; offset: Int32Array };
    };

export type SampleSpec = { random: number } | { representative: number } | { top: number } | { all: true };

export type ArrivalMode = 'exponential' | 'uniform' | 'equidistant' | 'faascache';

export interface Azure2019Options {
  dir: string;
  /** 1-based day numbers, strictly increasing, laid back to back; default [1]. */
  days?: number[];
  /** [start, end) minutes relative to the first chosen day; default the whole of the chosen days. */
  windowMinutes?: [number, number];
  sample?: SampleSpec;
  /** Placement inside a minute; default 'exponential'. */
  arrivals?: ArrivalMode;
  /** Rotate each minute's arrivals by a uniform random offset (vHive ShiftIAT); default true. */
  shift?: boolean;
  /** Multiplies every per-minute count, with stochastic rounding on `rate/<name>`; default 1. */
  rateScale?: number;
  /** 'share' (default, FaasCache): app memory / functions of the app; 'app': the whole app's memory. */
  memory?: 'share' | 'app';
  rng: RandomStreams;
}

export interface Azure2021Options {
  file: string;
  windowMinutes?: [number, number];
  sample?: SampleSpec;
  rateScale?: number;
  /** A constant memory per function (MiB); default: each app draws from the 2019 app-memory law. */
  memoryMiB?: number;
  /** With the drawn app memory: 'share' (default) splits it among the app's functions, 'app' gives each the whole. */
  memory?: 'share' | 'app';
  /** 'replay' (default): each invocation's recorded duration; 'redraw': draws from the per-function law. */
  durations?: 'replay' | 'redraw';
  rng: RandomStreams;
}

export function describeSample(s: SampleSpec | undefined): string {
  if (!s || 'all' in s) return 'all';
  if ('random' in s) return `random(n=${s.random})`;
  if ('representative' in s) return `representative(n=${s.representative})`;
  return `top(k=${s.top})`;
}

/**
 * The replayed functions as CSV text (one row per function, in payload order), for the run
 * folder: which functions a sample chose and what the reader derived for each.
 */
export function traceFunctionsCsv(functions: readonly TraceFunctionSpec[]): string {
  const rows: Array<Array<string | number>> = [['index', 'function', 'owner', 'app', 'hash', 'trigger', 'memory_mib', 'mean_duration_ms', 'invocations']];
  functions.forEach((f, i) => rows.push([i, f.name, f.owner, f.app, f.hash, f.trigger, f.memoryMiB, Math.round(f.duration.mean) / 1000, f.invocations]));
  return stringify(rows);
}
