// The public API: simulate(scenario, options) -> Result. Used by the CLI, tests, sweeps and
// figure scripts alike. With `outDir` it writes the run folder (atomically).
import { buildSimulation } from './scenario/build.ts';
import type { ResolvedScenario } from './scenario/schema.ts';
import { parseDuration } from './engine/units.ts';
import { buildSummary, FUNCTION_COLUMNS, functionRows } from './metrics/summary.ts';
import { TIMESERIES_COLUMNS, TimeseriesSampler, type TimeseriesRow } from './metrics/timeseries.ts';
import { FUNCTION_TIMESERIES_COLUMNS, FunctionSeries } from './metrics/function-timeseries.ts';
import { seriesFunctions } from './scenario/function-series.ts';
import { OutputRefused, RunFolder } from './metrics/run-folder.ts';
import { inspectOutPath, runOutProblem } from './metrics/out-path.ts';
import { InputError } from './input/errors.ts';
import { TOOL_VERSION } from './version.ts';
import { InvariantViolation } from './engine/invariant.ts';
import { checkArrivalsEnded } from './model/invariants.ts';
import { workflowSummary } from './metrics/workflow-summary.ts';
import { writeFileSync } from 'node:fs';
import { loadTraces, type LoadedTraces } from './scenario/traces.ts';
import { traceFunctionsCsv, type TraceReport } from './workload/trace-types.ts';
import { Interrupted } from './interrupted.ts';

export interface Progress {
  readonly simTimeUs: number;
  readonly durationUs: number;
  readonly events: number;
  readonly arrivals: number;
  readonly draining: boolean;
}

export interface SimulateOptions {
  /**
   * Write the run folder here (atomically). Without it nothing is written. It must be new, an
   * empty folder or a previous run folder (which is replaced); anything else is an InputError.
   */
  readonly outDir?: string;
  /** Also replace a previous run folder's files where the folder holds other entries (kept). */
  readonly force?: boolean;
  /** Called every few hundred thousand events. */
  readonly onProgress?: (p: Progress) => void;
  /**
   * Stops the run when aborted (SIGINT): simulate() then yields to the event loop every few
   * hundred thousand events so a signal handler can run, and throws Interrupted with the run
   * folder's temporary removed. Without it the run never yields.
   */
  readonly signal?: AbortSignal;
}

// Its own light file: the CLI's error handling needs the class without loading the simulator.
export { Interrupted };

/** The error a run stopped by `signal` throws (its reason names the signal, e.g. 'SIGINT'). */
export const interrupted = (signal: AbortSignal | undefined) => new Interrupted(typeof signal?.reason === 'string' ? signal.reason : undefined);

export interface Result {
  readonly summary: Record<string, unknown>;
  readonly resolved: Record<string, unknown>;
  readonly functions: (string | number)[][];
  readonly timeseries: TimeseriesRow[];
  /** Rows of function-timeseries.csv (output.functionTimeseries), or null when not asked for. */
  readonly functionTimeseries: (string | number)[][] | null;
  readonly outDir?: string;
}

const PROGRESS_EVERY = 1 << 18;

/** Throws an InputError when a run may not write at `outDir` (see metrics/out-path.ts). */
export function checkOutDir(outDir: string, force = false): void {
  const problem = runOutProblem(inspectOutPath(outDir), force);
  if (problem) throw new InputError({ file: outDir, where: '--out', message: problem });
}

export async function simulate(scenario: ResolvedScenario, options: SimulateOptions = {}): Promise<Result> {
  // The output path is checked before any work, and traces are read before anything is written,
  // so a refused path or a bad trace costs nothing and leaves no output behind.
  if (options.outDir !== undefined) checkOutDir(options.outDir, options.force);
  const traces = await loadTraces(scenario);
  return options.signal ? simulateInterruptible(scenario, traces, options, options.signal) : simulateLoaded(scenario, traces, options);
}

/** simulate() for a scenario whose trace sources are already loaded (or that has none). */
export function simulateLoaded(scenario: ResolvedScenario, traces: LoadedTraces, options: SimulateOptions = {}): Result {
  let folder: RunFolder | null = null;
  try {
    if (options.outDir !== undefined) folder = new RunFolder(options.outDir, { force: options.force });
    const steps = runInto(scenario, traces, folder, options);
    let r = steps.next();
    while (!r.done) r = steps.next();
    folder?.commit();
    return { ...r.value, ...(folder ? { outDir: folder.final } : {}) };
  } catch (e) {
    throw failed(folder, e, scenario);
  }
}

/** simulateLoaded() that yields to the event loop between chunks of events and stops when `signal` aborts. */
export async function simulateInterruptible(scenario: ResolvedScenario, traces: LoadedTraces, options: SimulateOptions, signal: AbortSignal): Promise<Result> {
  let folder: RunFolder | null = null;
  try {
    if (signal.aborted) throw interrupted(signal);
    if (options.outDir !== undefined) folder = new RunFolder(options.outDir, { force: options.force });
    const steps = runInto(scenario, traces, folder, options);
    let r = steps.next();
    while (!r.done) {
      await new Promise((resolve) => setImmediate(resolve));
      // Thrown into the run loop, so that it stops the invocations.csv writer as for any error.
      r = signal.aborted ? steps.throw(interrupted(signal)) : steps.next();
    }
    folder?.commit();
    return { ...r.value, ...(folder ? { outDir: folder.final } : {}) };
  } catch (e) {
    throw failed(folder, e, scenario);
  }
}

/** Removes the run folder's temporary; the error to rethrow. */
function failed(folder: RunFolder | null, e: unknown, scenario: ResolvedScenario): unknown {
  folder?.abort();
  if (e instanceof OutputRefused) return new InputError({ file: e.path, where: '--out', message: e.reason });
  if (e instanceof InvariantViolation) e.inRun(scenario.name, scenario.seed); // for the bug report
  return e;
}

/** The run, as steps: it yields at each progress report (every PROGRESS_EVERY events). */
function* runInto(s: ResolvedScenario, traces: LoadedTraces, folder: RunFolder | null, options: SimulateOptions): Generator<void, Result> {
  // Compressed as it is written (gzip-pieces.ts): the plain file never exists.
  const invocationsCsv = s.output.invocationColumns === 'invitro' ? 'invocations-invitro.csv' : 'invocations.csv';
  const invocationsFile = s.output.compression === 'gzip' ? `${invocationsCsv}.gz` : invocationsCsv;
  const invocationsPath = folder && s.output.invocations !== false ? folder.path(invocationsFile) : null;
  const b = buildSimulation(s, { invocationsPath, traces });
  const { sim, platform, recorder, duration } = b;
  const chosen = seriesFunctions(s, b.functions, traces);
  const series = s.output.functionTimeseries ? new FunctionSeries(platform, recorder, chosen, b.functions.map((f) => f.name)) : null;
  const sampler = new TimeseriesSampler(sim, platform, recorder, parseDuration(s.output.timeseries), series);

  // Arrivals come in [0, duration); afterwards the run drains until every admitted request ended.
  let nextReport = PROGRESS_EVERY;
  const reports = options.onProgress !== undefined || options.signal !== undefined;
  try {
    for (;;) {
      // Only an empty system can be done, so the next event's time is looked up only then.
      if (platform.inFlight === 0 && (b.workflows?.engine.active ?? 0) === 0 && sim.peekTime() >= duration) break;
      if (!sim.step()) break;
      if (reports && sim.processed >= nextReport) {
        nextReport += PROGRESS_EVERY;
        options.onProgress?.({
          simTimeUs: sim.now,
          durationUs: duration,
          events: sim.processed,
          arrivals: recorder.arrivals,
          draining: sim.now >= duration,
        });
        yield; // a driver with a signal lets the event loop run here
      }
    }
  } catch (e) {
    recorder.abort(); // stops the invocations.csv writer thread, if one runs
    throw e;
  }
  const end = Math.max(duration, sim.now);
  sampler.sample(end);
  platform.finish(end);
  recorder.close();
  checkArrivalsEnded({ ...recorder.endCounts(), inFlight: platform.inFlight }, sim.now);

  const resolved = {
    ...s,
    resolved: { toolVersion: TOOL_VERSION, policies: b.policyNames, nodes: b.nodes.length },
  };
  const notes: string[] = [];
  if (typeof s.output.invocations === 'number' && s.output.invocations < 1) {
    notes.push(`${invocationsCsv} holds a sample of about ${100 * s.output.invocations}% of the invocations (by a hash of the invocation id); the summary counts all`);
  }
  const traceReports: TraceReport[] = [];
  let base = s.functions.length;
  traces.forEach((t, i) => {
    if (!t) return;
    traceReports.push(t.report);
    let replayed = 0;
    for (let k = 0; k < t.functions.length; k++) replayed += recorder.functions[base + k]!.arrivals;
    base += t.functions.length;
    if (replayed < t.report.invocationsKept) {
      notes.push(
        `workload[${i}]: ${t.report.invocationsKept - replayed} of the ${t.report.invocationsKept} trace arrivals in the window fall after the run duration and were not replayed`,
      );
    }
    const dropped = Object.entries(t.report.dropped).filter(([, n]) => n > 0);
    if (dropped.length) notes.push(`workload[${i}]: the trace reader dropped functions: ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });
  const summary = buildSummary({
    name: s.name,
    seed: s.seed,
    toolVersion: TOOL_VERSION,
    policies: b.policyNames,
    durationUs: duration,
    endUs: end,
    events: sim.processed,
    nodes: b.nodes.length,
    functions: b.functions,
    recorder,
    cost: s.cost,
    notes,
    policyStats: b.policyStats(),
    traces: traceReports,
    reportColdWaits: s.platform.reportColdWaits === true,
  });
  const functions = functionRows(b.functions, recorder);
  if (b.workflows) summary.workflows = workflowSummary(b.workflows, s.transfers.method, s.cost);
  if (folder) {
    folder.writeJson('scenario.resolved.json', resolved);
    folder.writeJson('summary.json', summary);
    folder.writeCsv('functions.csv', FUNCTION_COLUMNS, functions);
    folder.writeCsv('timeseries.csv', TIMESERIES_COLUMNS, sampler.rows);
    if (series && s.output.compression === 'gzip') folder.writeCsvGz('function-timeseries.csv', FUNCTION_TIMESERIES_COLUMNS, series.rows);
    else if (series) folder.writeCsv('function-timeseries.csv', FUNCTION_TIMESERIES_COLUMNS, series.rows);
    traces.forEach((t, i) => {
      if (t) writeFileSync(folder.path(`trace-functions-${i}.csv`), traceFunctionsCsv(t.functions));
    });
  }
  return { summary, resolved, functions, timeseries: sampler.rows, functionTimeseries: series?.rows ?? null };
}
