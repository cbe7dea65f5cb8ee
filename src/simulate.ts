// The public API: simulate(scenario, options) -> Result. Used by the CLI, tests, sweeps and
// figure scripts alike. With `outDir` it writes the run folder (atomically).
import { buildSimulation } from './scenario/build.ts';
import type { ResolvedScenario } from './scenario/schema.ts';
import { parseDuration } from './engine/units.ts';
import { FUNCTION_COLUMNS, functionRows, type Summary } from './metrics/summary.ts';
import { TIMESERIES_COLUMNS, TimeseriesSampler, type TimeseriesRow } from './metrics/timeseries.ts';
import { FUNCTION_TIMESERIES_COLUMNS, FunctionSeries } from './metrics/function-timeseries.ts';
import { seriesFunctions } from './scenario/function-series.ts';
import { OutputRefused, RunFolder } from './metrics/run-folder.ts';
import { inspectOutPath, runOutProblem } from './metrics/out-path.ts';
import { InputError } from './input/errors.ts';
import { InvariantViolation } from './engine/invariant.ts';
import { checkArrivalsEnded } from './model/invariants.ts';
import { workflowSummary } from './metrics/workflow-summary.ts';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTraces, type LoadedTraces } from './scenario/traces.ts';
import { traceFunctionsCsv } from './workload/trace-types.ts';
import { Interrupted } from './interrupted.ts';
import { invocationsCsvName, resolvedScenario, runSummary } from './run/summarize.ts';
import { runLoop, type Progress } from './run/loop.ts';
import { cellCount } from './scenario/cells.ts';
import { runDivided, shardCells, type Shard } from './cells/run-cells.ts';
import { mergePartialsInto } from './cells/partial.ts';
import type { MergedRun } from './cells/merge.ts';

export type { Progress };

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
  /** A divided fleet (fleet.cells > 1): run its cells on this many worker threads (default 1: this thread). */
  readonly threads?: number;
}

// Its own light file: the CLI's error handling needs the class without loading the simulator.
export { Interrupted };

/** The error a run stopped by `signal` throws (its reason names the signal, e.g. 'SIGINT'). */
export const interrupted = (signal: AbortSignal | undefined) => new Interrupted(typeof signal?.reason === 'string' ? signal.reason : undefined);

export interface Result {
  readonly summary: Summary;
  readonly resolved: Record<string, unknown>;
  readonly functions: (string | number)[][];
  readonly timeseries: TimeseriesRow[];
  /** Rows of function-timeseries.csv (output.functionTimeseries), or null when not asked for. */
  readonly functionTimeseries: (string | number)[][] | null;
  readonly outDir?: string;
}

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
  if (cellCount(scenario) > 1) return simulateDivided(scenario, traces, options);
  return options.signal ? simulateInterruptible(scenario, traces, options, options.signal) : simulateLoaded(scenario, traces, options);
}

/** simulate() for a scenario whose trace sources are already loaded (or that has none), of one cell. */
export function simulateLoaded(scenario: ResolvedScenario, traces: LoadedTraces, options: SimulateOptions = {}): Result {
  let folder: RunFolder | null = null;
  if (cellCount(scenario) > 1)
    throw new Error('simulateLoaded() runs one cell: a divided fleet (fleet.cells > 1) runs with simulate() or simulateInterruptible()');
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
  if (cellCount(scenario) > 1) return simulateDivided(scenario, traces, { ...options, signal });
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

/**
 * A divided fleet (fleet.cells > 1, docs/scale.md): every cell run alone, on `options.threads`
 * worker threads, and merged into one run folder that does not depend on how the cells ran.
 */
export async function simulateDivided(scenario: ResolvedScenario, traces: LoadedTraces, options: SimulateOptions): Promise<Result> {
  const r = await dividedInto(scenario, traces, options);
  return { ...r.merged!, ...(r.outDir !== undefined ? { outDir: r.outDir } : {}) };
}

export interface PartResult {
  readonly outDir: string;
  readonly cells: number;
  /** The cells this part holds. */
  readonly ran: readonly number[];
}

/**
 * A shard of a divided fleet (`sim run --cells i/n`): the cells c with c % n = i - 1, written as a
 * partial run folder at `outDir` for `sim merge` (docs/scale.md).
 */
export async function simulatePart(
  scenario: ResolvedScenario,
  traces: LoadedTraces,
  shard: Shard,
  options: SimulateOptions & { readonly outDir: string },
): Promise<PartResult> {
  checkShard(cellCount(scenario), shard);
  const r = await dividedInto(scenario, traces, options, shard);
  return { outDir: r.outDir!, cells: cellCount(scenario), ran: shardCells(cellCount(scenario), shard) };
}

/** runDivided into a run folder at `options.outDir` (atomically), if one is given: the merged run (null for a shard) and where it went. */
async function dividedInto(
  scenario: ResolvedScenario,
  traces: LoadedTraces,
  options: SimulateOptions,
  shard?: Shard,
): Promise<{ readonly merged: MergedRun | null; readonly outDir?: string }> {
  let folder: RunFolder | null = null;
  try {
    if (options.signal?.aborted) throw interrupted(options.signal);
    if (options.outDir !== undefined) folder = new RunFolder(options.outDir, { force: options.force });
    const merged = await runDivided(scenario, traces, { threads: options.threads ?? 1, shard, folder, onProgress: options.onProgress, signal: options.signal });
    folder?.commit();
    return { merged, ...(folder ? { outDir: folder.final } : {}) };
  } catch (e) {
    throw failed(folder, e, scenario);
  }
}

/**
 * `sim merge` of partial run folders: checks they are the parts of one run holding every cell once,
 * and writes the run folder at `outDir` (atomically), the same bytes as a `--threads` run's.
 */
export function mergeRunParts(dirs: readonly string[], outDir: string, force = false): Result & { readonly outDir: string } {
  // Real paths: a link to a part is that part.
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  const target = real(outDir);
  const input = dirs.find((d) => real(d) === target);
  if (input !== undefined)
    throw new InputError({ file: outDir, where: '--out', message: `is also a folder to merge (${input}): write the merged run elsewhere` });
  checkOutDir(outDir, force);
  const folder = new RunFolder(outDir, { force });
  try {
    const merged = mergePartialsInto(dirs, folder);
    folder.commit();
    return { ...merged, outDir: folder.final };
  } catch (e) {
    throw failed(folder, e);
  }
}

/** Throws an InputError when `--cells i/n` does not fit a scenario of `cells` cells. */
export function checkShard(cells: number, shard: Shard): void {
  if (cells < 2) throw new InputError({ where: '--cells', message: `the scenario has one cell: --cells needs fleet.cells of 2 or more (docs/scale.md)` });
  if (shard.count > cells)
    throw new InputError({
      where: '--cells',
      message: `${shard.index}/${shard.count}: ${shard.count} parts of ${cells} cells would leave some empty; expected n at most ${cells}`,
    });
}

/** Removes the run folder's temporary; the error to rethrow (`scenario`: the run, for a bug report). */
function failed(folder: RunFolder | null, e: unknown, scenario?: ResolvedScenario): unknown {
  folder?.abort();
  if (e instanceof OutputRefused) return new InputError({ file: e.path, where: '--out', message: e.reason });
  if (e instanceof InvariantViolation && scenario) e.inRun(scenario.name, scenario.seed); // for the bug report
  return e;
}

/** The run, as steps: it yields at each progress report (run/loop.ts). */
function* runInto(s: ResolvedScenario, traces: LoadedTraces, folder: RunFolder | null, options: SimulateOptions): Generator<void, Result> {
  // Compressed as it is written (gzip-pieces.ts): the plain file never exists.
  const invocationsCsv = invocationsCsvName(s);
  const invocationsFile = s.output.compression === 'gzip' ? `${invocationsCsv}.gz` : invocationsCsv;
  const invocationsPath = folder && s.output.invocations !== false ? folder.path(invocationsFile) : null;
  const b = buildSimulation(s, { invocationsPath, traces });
  const { sim, platform, recorder, duration } = b;
  const chosen = seriesFunctions(s, b.functions, traces);
  const series = s.output.functionTimeseries
    ? new FunctionSeries(
        platform,
        recorder,
        chosen,
        b.functions.map((f) => f.name),
      )
    : null;
  const sampler = new TimeseriesSampler(sim, platform, recorder, parseDuration(s.output.timeseries), series);

  const end = yield* runLoop(b, options.onProgress !== undefined || options.signal !== undefined, options.onProgress);
  sampler.sample(end);
  platform.finish(end);
  recorder.close();
  checkArrivalsEnded({ ...recorder.endCounts(), inFlight: platform.inFlight }, sim.now);

  const resolved = resolvedScenario(s, b.policyNames, b.nodes.length);
  const functions = functionRows(b.functions, recorder);
  const summary = runSummary(s, {
    durationUs: duration,
    endUs: end,
    events: sim.processed,
    nodes: b.nodes.length,
    functions: b.functions,
    recorder,
    policyNames: b.policyNames,
    policyStats: b.policyStats(),
    traces: traces.map((t) => (t ? { report: t.report, functions: t.functions.length } : null)),
    workflows: b.workflows ? workflowSummary(b.workflows, s.transfers.method, s.cost) : null,
  });
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
