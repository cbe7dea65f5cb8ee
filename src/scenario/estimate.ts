// What a run will cost before it starts: arrivals, events, time-series rows, invocations.csv
// bytes and peak memory, from the resolved scenario and (when loaded) its traces' sizes. Pure and
// deterministic; rough by design (within a factor of ~2 except for arrivals, which are close), so
// that a mistyped rate or duration is caught before it fills the machine, not to predict run time.
//
// Constants were measured on this simulator (Node 20, 2 cores, Dec 2026) from summary.json
// `simulated.events`, invocations.csv sizes and peak RSS (/usr/bin/time %M):
//   quickstart        55,253 arrivals  112,581 events (2.04/arrival)  83 B/row   121 MiB
//   azure-sample      52,492 arrivals  106,367 events (2.03/arrival)  97 B/row   125 MiB
//   workflow-video    10,521 stage invocations, 76,917 events (7.3/invocation)    122 MiB
//   2 nodes, 2 functions, 1 min                                                    111 MiB (the base)
//   20,000 nodes                                                         +41 MiB -> ~2 KB/node
//   20,000 functions (14,119 instances started)                          +90 MiB -> ~5 KB/function
//   10,000/s x 5 s execution on 64,000 cores (~50,000 in flight, 75,000 instances)
//                                                                        +65 MiB -> ~1.4 KB/in flight
//   overloaded (20,000/s of 10 ms on 64 cores): peak queue 137,000, +240 MiB -> ~1.8 KB/queued; the
//   estimate (rate x maxQueueWait = 600,000 queued) is ~4x too high there: an upper bound
//   30 days sampled every 1 s (2.6 M time-series rows, 2.6 M arrivals): 7.8 M events (2 per arrival
//   plus one per sample), +2.2 GiB -> ~0.9 KB/row (rows are kept in memory until the end)
import { parseDuration, parseRate } from '../engine/units.ts';
import { buildDistribution } from './distributions.ts';
import type { LoadedTraces } from './traces.ts';
import type { ResolvedScenario } from './schema.ts';

export const EVENTS_PER_ARRIVAL = 2.1;
/** Workflow stages add transfer and coordination events. */
export const EVENTS_PER_STAGE_INVOCATION = 7.5;
export const EVENTS_PER_TIMESERIES_ROW = 1;
export const CSV_BYTES_PER_ROW = 100;
export const TIMESERIES_BYTES_PER_ROW = 70;
/**
 * Plain bytes per gzip byte assumed for invocations.csv under output.compression 'gzip': 4.4 was
 * measured on a day of the 300-function sample (docs/outputs.md); 3 leaves room for less
 * repetitive rows, so the estimate stays on the safe side without refusing a run 4x too early.
 */
export const GZIP_RATIO = 3;
export const BASE_BYTES = 120 * 2 ** 20;
export const BYTES_PER_NODE = 2_048;
export const BYTES_PER_FUNCTION = 5_000;
export const BYTES_PER_IN_FLIGHT = 1_400;
export const BYTES_PER_TIMESERIES_ROW = 900;
/** A trace's per-minute counts, per function and minute of the window. */
export const BYTES_PER_TRACE_MINUTE = 8;
/** Mean execution assumed for a function whose profile, not the scenario, gives it. */
const DEFAULT_EXECUTION_US = 1e6;

export interface RunEstimate {
  readonly arrivals: number;
  readonly events: number;
  readonly timeseriesRows: number;
  /** invocations.csv and timeseries.csv together. */
  readonly outputBytes: number;
  readonly nodes: number;
  readonly functions: number;
  /** Little's law from the mean rates and execution times, plus a full queue when overloaded. */
  readonly inFlight: number;
  readonly memoryBytes: number;
  /** What the estimate left out (trace sources not loaded). */
  readonly notes: readonly string[];
}

type SyntheticSource = Exclude<ResolvedScenario['workload'][number], { azure2019: unknown } | { azure2021: unknown }>;

/** What every synthetic source has, whichever kind it is. */
interface SourceCommon {
  readonly start: string | number;
  readonly end?: string | number;
  readonly function?: string;
  readonly workflow?: string;
}

/** The settings of a synthetic source, whichever kind it is. */
export function sourceOf(w: SyntheticSource): SourceCommon {
  return 'poisson' in w ? w.poisson : 'fixed' in w ? w.fixed : w.burst;
}

/** Expected arrivals (or workflow starts) of a synthetic source within a run of `duration` us. */
export function syntheticArrivals(w: SyntheticSource, duration: number): number {
  const src = sourceOf(w);
  const start = parseDuration(src.start);
  const end = Math.min(duration, src.end !== undefined ? parseDuration(src.end) : duration);
  if ('poisson' in w) return (parseRate(w.poisson.rate) * Math.max(0, end - start)) / 1e6;
  if ('fixed' in w) return periodic(start, end, parseDuration(w.fixed.offset), parseDuration(w.fixed.interval));
  return w.burst.size * periodic(start, end, parseDuration(w.burst.offset), parseDuration(w.burst.every));
}

/** Arrivals of a periodic source: one (group) at start + offset, then every `period`, before `end`. */
function periodic(start: number, end: number, offset: number, period: number): number {
  const first = start + offset;
  return end > first && period > 0 ? Math.ceil((end - first) / period) : 0;
}

/** Invocations one start of the workflow makes: one per stage instance. */
function workflowSize(s: ResolvedScenario, name: string): number {
  const w = s.workflows.find((x) => x.name === name);
  return w ? w.stages.reduce((n, st) => n + st.fanout, 0) : 1;
}

/**
 * The estimate of a run. `traces` (one entry per workload source, as loadTraces gives) adds the
 * trace sources' kept invocations; without them those sources count as nothing, with a note.
 */
export function estimateRun(s: ResolvedScenario, traces?: LoadedTraces): RunEstimate {
  const duration = parseDuration(s.duration);
  const seconds = duration / 1e6;
  const meanExec = new Map<string, number>();
  for (const f of s.functions) meanExec.set(f.name, f.execution !== undefined ? buildDistribution(f.execution).mean : DEFAULT_EXECUTION_US);
  const notes: string[] = [];
  let arrivals = 0;
  let stageInvocations = 0;
  let busyUs = 0; // sum over arrivals of mean execution: busy instance-time
  let functions = s.functions.length;
  let traceBytes = 0;

  s.workload.forEach((w, i) => {
    if ('azure2019' in w || 'azure2021' in w) {
      const t = traces?.[i];
      if (!t) {
        notes.push(`workload[${i}]: trace source not counted (its files are read only when the run starts)`);
        return;
      }
      const [from, to] = t.report.windowMinutes;
      const windowUs = (to - from) * 60e6;
      const share = windowUs > 0 ? Math.min(1, duration / windowUs) : 1; // arrivals after the duration are not replayed
      for (const f of t.functions) {
        arrivals += f.invocations * share;
        busyUs += f.invocations * share * f.duration.mean;
      }
      functions += t.functions.length;
      traceBytes += t.functions.length * (to - from) * BYTES_PER_TRACE_MINUTE;
      return;
    }
    const src = sourceOf(w);
    const n = syntheticArrivals(w, duration);
    if (src.workflow !== undefined) {
      const wf = s.workflows.find((x) => x.name === src.workflow);
      const per = workflowSize(s, src.workflow);
      stageInvocations += n * per;
      for (const st of wf?.stages ?? []) busyUs += n * st.fanout * (meanExec.get(st.function) ?? DEFAULT_EXECUTION_US);
    } else {
      arrivals += n;
      busyUs += n * (meanExec.get(src.function ?? '') ?? DEFAULT_EXECUTION_US);
    }
  });

  const nodes = s.fleet.nodes.reduce((n, g) => n + g.count, 0);
  const cores = s.fleet.nodes.reduce((n, g) => n + g.count * g.cores, 0);
  const totalArrivals = arrivals + stageInvocations;
  // Offered load above the fleet's cores: requests queue up to maxQueueWait before being dropped.
  const offered = seconds > 0 ? busyUs / duration : 0;
  const rate = seconds > 0 ? totalArrivals / seconds : 0;
  const queued = offered > cores ? rate * (parseDuration(s.platform.maxQueueWait) / 1e6) : 0;
  const inFlight = Math.min(totalArrivals, offered + queued);
  const interval = parseDuration(s.output.timeseries);
  const timeseriesRows = interval > 0 ? Math.ceil(duration / interval) + 1 : 0;
  const csvShare = s.output.invocations === false ? 0 : s.output.invocations === true ? 1 : s.output.invocations;
  const events = EVENTS_PER_ARRIVAL * arrivals + EVENTS_PER_STAGE_INVOCATION * stageInvocations + EVENTS_PER_TIMESERIES_ROW * timeseriesRows;
  const memoryBytes =
    BASE_BYTES +
    BYTES_PER_NODE * nodes +
    BYTES_PER_FUNCTION * functions +
    BYTES_PER_IN_FLIGHT * inFlight +
    BYTES_PER_TIMESERIES_ROW * timeseriesRows +
    traceBytes;
  return {
    arrivals: Math.round(totalArrivals),
    events: Math.round(events),
    timeseriesRows,
    outputBytes: Math.round(
      (CSV_BYTES_PER_ROW * csvShare * totalArrivals) / (s.output.compression === 'gzip' ? GZIP_RATIO : 1) + TIMESERIES_BYTES_PER_ROW * timeseriesRows,
    ),
    nodes,
    functions,
    inFlight: Math.round(inFlight),
    memoryBytes: Math.round(memoryBytes),
    notes,
  };
}

/**
 * The estimate of a part of a run (a shard of a divided fleet, `--cells i/n`) holding `share` of
 * its expected arrivals: arrivals, events, output and in-flight requests scale with it; the trace
 * is still read whole, and every node and function is still counted (an overestimate).
 */
export function scaleEstimate(e: RunEstimate, share: number, what: string): RunEstimate {
  const inFlight = Math.round(e.inFlight * share);
  return {
    ...e,
    arrivals: Math.round(e.arrivals * share),
    events: Math.round(e.events * share),
    outputBytes: Math.round(e.outputBytes * share),
    inFlight,
    memoryBytes: Math.round(e.memoryBytes - BYTES_PER_IN_FLIGHT * (e.inFlight - inFlight)),
    notes: [...e.notes, `${what}: ${(100 * share).toFixed(1)}% of the run's expected arrivals`],
  };
}
