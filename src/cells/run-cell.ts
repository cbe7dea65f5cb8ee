// Runs one cell of a divided fleet (docs/scale.md) alone, as steps, into its folder: the headerless
// part of invocations.csv written during the run, the header alone beside it, and state.json.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration } from '../engine/units.ts';
import type { FunctionSpec } from '../model/function.ts';
import { FunctionSeries } from '../metrics/function-timeseries.ts';
import { Recorder } from '../metrics/recorder.ts';
import { recorderData } from '../metrics/recorder-data.ts';
import { TimeseriesSampler } from '../metrics/timeseries.ts';
import { settleWorkflows } from '../metrics/workflow-summary.ts';
import { checkArrivalsEnded } from '../model/invariants.ts';
import { phaseColumns } from '../model/coldstart/phase-columns.ts';
import { buildFunctions, buildSimulation } from '../scenario/build.ts';
import { assignCells, type CellAssignment } from '../scenario/cells.ts';
import { cellScenario, type CellScenario } from '../scenario/cell-scenario.ts';
import type { TraceTransfer } from '../workload/trace-types.ts';
import { workloadFromTransfer } from '../workload/transfer.ts';
import { expectedArrivals, seriesFunctions } from '../scenario/function-series.ts';
import type { ResolvedScenario } from '../scenario/schema.ts';
import type { LoadedTraces } from '../scenario/traces.ts';
import { runLoop, type Progress } from '../run/loop.ts';
import { invocationsCsvName } from '../run/summarize.ts';
import { CELL_STATE_FORMAT, type CellState } from './cell-state.ts';

/** What every cell of one run shares: the whole function list, the assignment, the sampled functions. */
export interface CellPlan {
  readonly scenario: ResolvedScenario;
  readonly traces: LoadedTraces;
  readonly functions: readonly FunctionSpec[];
  readonly assignment: CellAssignment;
  /** Functions of function-timeseries.csv, in row order. */
  readonly series: readonly number[];
  /** Expected arrivals of each cell (function-series.ts), for running the largest cells first. */
  readonly expectedLoad: Float64Array;
}

export function cellPlan(s: ResolvedScenario, traces: LoadedTraces): CellPlan {
  const functions = buildFunctions(s, traces);
  const expected = expectedArrivals(s, functions, traces);
  const assignment = assignCells(s, functions, undefined, expected);
  const load = new Float64Array(assignment.cells);
  expected.forEach((e, i) => (load[assignment.ofFunction[i]!]! += e));
  return { scenario: s, traces, functions, assignment, series: seriesFunctions(s, functions, traces), expectedLoad: load };
}

/** File name of the invocations part (and, with `.header` before the extension, of its header). */
export function invocationsPart(s: ResolvedScenario, header = false): string {
  const base = invocationsCsvName(s).replace(/\.csv$/, header ? '.header.csv' : '.csv');
  return s.output.compression === 'gzip' ? `${base}.gz` : base;
}

/** One cell's run: all it needs, so that a worker thread can be given it whole (`jobData`). */
export interface CellJob {
  /** The whole run's scenario (its output options). */
  readonly scenario: ResolvedScenario;
  readonly index: number;
  readonly cells: number;
  /** The cell as a scenario, and its part of each trace (cell-scenario.ts). */
  readonly cell: CellScenario;
  /** Its workflows' indices in the whole run's. */
  readonly workflows: readonly number[];
  /** Its functions in function-timeseries.csv: rank in the run's rows, index in the cell. */
  readonly sampled: readonly { readonly rank: number; readonly local: number }[];
}

export function cellJob(plan: CellPlan, c: number): CellJob {
  const s = plan.scenario;
  const cell = cellScenario(s, plan.traces, plan.functions, plan.assignment, c);
  const local = new Map(cell.functions.map((g, k) => [g, k]));
  const sampled: { rank: number; local: number }[] = [];
  plan.series.forEach((g, rank) => {
    const k = local.get(g);
    if (k !== undefined) sampled.push({ rank, local: k });
  });
  const workflows = s.workflows.flatMap((_, w) => (plan.assignment.ofWorkflow[w] === c ? [w] : []));
  return { scenario: s, index: c, cells: plan.assignment.cells, cell, workflows, sampled };
}

/** A job as plain data for a worker thread: the traces as transfers (workload/transfer.ts). */
export type CellJobData = Omit<CellJob, 'cell'> & { readonly cell: Omit<CellScenario, 'traces'> & { readonly traces: readonly (TraceTransfer | null)[] } };

export function jobData(j: CellJob): CellJobData {
  return { ...j, cell: { ...j.cell, traces: j.cell.traces.map((t) => (t ? t.transfer() : null)) } };
}

export function jobFromData(d: CellJobData): CellJob {
  return { ...d, cell: { ...d.cell, traces: d.cell.traces.map((t) => (t ? workloadFromTransfer(t) : null)) } };
}

export const STATE_FILE = 'state.json';

/**
 * Runs a cell, writing into `dir` (created; null: write nothing, not even invocation rows). Yields
 * at progress points when `reports`. Returns its state, as written to `dir/state.json`.
 */
export function* runCell(job: CellJob, dir: string | null, reports: boolean, onProgress?: (p: Progress) => void): Generator<void, CellState> {
  const s = job.scenario;
  const c = job.index;
  const cs = job.cell;
  if (dir !== null) mkdirSync(dir, { recursive: true });
  const writeRows = dir !== null && s.output.invocations !== false;
  const b = buildSimulation(cs.scenario, {
    invocationsPath: writeRows ? join(dir!, invocationsPart(s)) : null,
    invocationsHeader: false,
    traces: cs.traces,
    cell: { index: c },
  });
  const { sim, platform, recorder } = b;
  if (writeRows)
    writeHeader(
      s,
      b.functions.map((f) => f.name),
      phaseColumns(b.startPath),
      b.startPath.counterNames ?? [],
      join(dir!, invocationsPart(s, true)),
    );

  const sampled = job.sampled;
  const names = b.functions.map((f) => f.name);
  const series = s.output.functionTimeseries
    ? new FunctionSeries(
        platform,
        recorder,
        sampled.map((x) => x.local),
        names,
      )
    : null;
  const sampler = new TimeseriesSampler(sim, platform, recorder, parseDuration(s.output.timeseries), series);

  const end = yield* runLoop(b, reports, onProgress);
  sampler.sample(end);
  platform.finish(end);
  recorder.close();
  checkArrivalsEnded({ ...recorder.endCounts(), inFlight: platform.inFlight }, sim.now);

  let workflows: CellState['workflows'] = null;
  if (b.workflows) {
    settleWorkflows(b.workflows, s.transfers.method);
    const globalIndex = job.workflows;
    workflows = {
      stats: b.workflows.engine.stats.map((st, k) => ({ index: globalIndex[k]!, ...st.toJSON() })),
      transfers: b.workflows.services.cost.toJSON(),
    };
  }
  // Rows of the series without the name column, per function.
  const perFunction = sampled.map((x) => ({ rank: x.rank, name: names[x.local]!, rows: [] as number[][] }));
  if (series) {
    const n = sampled.length;
    series.rows.forEach((row, i) => perFunction[i % n]!.rows.push([row[0] as number, ...(row.slice(2) as number[])]));
  }
  const state: CellState = {
    format: CELL_STATE_FORMAT,
    cell: c,
    cells: job.cells,
    nodes: b.nodes.length,
    events: sim.processed,
    endUs: end,
    policyNames: b.policyNames,
    policyStats: b.policyStats(),
    policyLevelStats: b.policyLevelStats,
    functions: cs.functions.map((g, k) => [g, b.functions[k]!.name, b.functions[k]!.app, b.functions[k]!.memoryMiB] as const),
    recorder: recorderData(recorder),
    counterNames: b.startPath.counterNames ?? [],
    timeseries: sampler.rows,
    functionSeries: perFunction,
    workflows,
  };
  if (dir !== null) writeFileSync(join(dir, STATE_FILE), JSON.stringify(state));
  return state;
}

/** The invocations file's header alone (a recorder that sees no invocation), in the run's columns and compression. */
function writeHeader(
  s: ResolvedScenario,
  functionNames: readonly string[],
  phaseNames: readonly string[],
  counterNames: readonly string[],
  path: string,
): void {
  const r = new Recorder({
    functionNames,
    functionMemoryMiB: functionNames.map(() => 0),
    phaseNames,
    counterNames,
    invocationsPath: path,
    invocationColumns: s.output.invocationColumns ?? 'native',
  });
  r.close();
}
