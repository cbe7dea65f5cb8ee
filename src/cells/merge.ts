// The run of a divided fleet from its cells' states: one recorder summed from theirs (exact counts,
// histograms bucket by bucket), the time series summed per interval, functions.csv in the run's
// function order, and the summary of an undivided run plus a `cells` section. Cells are always
// added in cell order, and every path (threads, one process, shards and `sim merge`) reads the
// states back from the same JSON, so the merged files are byte-identical however the cells ran.
import { Recorder } from '../metrics/recorder.ts';
import { absorbRecorder } from '../metrics/recorder-data.ts';
import { TIMESERIES_COLUMNS } from '../metrics/timeseries.ts';
import { FUNCTION_TIMESERIES_COLUMNS } from '../metrics/function-timeseries.ts';
import { FUNCTION_COLUMNS, functionRows, type Summary, type WorkflowsSummary } from '../metrics/summary.ts';
import { workflowSummaryOf } from '../metrics/workflow-summary.ts';
import { TransferCost } from '../model/transfer/cost.ts';
import { WorkflowStats } from '../model/workflow/stats.ts';
import type { ResolvedScenario } from '../scenario/schema.ts';
import { parseDuration } from '../engine/units.ts';
import { resolvedScenario, runSummary, type TraceInfo } from '../run/summarize.ts';
import type { CellState } from './cell-state.ts';
import { mergedTimes, mergeFunctionSeries, mergeTimeseries } from './merge-series.ts';

/** Where the interval counts start (arrivals) in timeseries.csv and, without its name column, in function-timeseries.csv. */
const TIMESERIES_COUNTS_FROM = TIMESERIES_COLUMNS.indexOf('arrivals');
const FUNCTION_SERIES_COUNTS_FROM = FUNCTION_TIMESERIES_COLUMNS.indexOf('arrivals') - 1;

export const CELL_FUNCTION_COLUMNS = [...FUNCTION_COLUMNS, 'cell'] as const;

export interface MergedRun {
  readonly summary: Summary;
  readonly resolved: Record<string, unknown>;
  readonly functions: (string | number)[][];
  readonly timeseries: number[][];
  readonly functionTimeseries: (string | number)[][] | null;
}

function mergePolicyStats(states: readonly CellState[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const st of states) {
    for (const [kind, stats] of Object.entries(st.policyStats)) {
      const into = (out[kind] ??= {});
      const levels = st.policyLevelStats[kind] ?? [];
      for (const [k, v] of Object.entries(stats)) into[k] = k in into ? (levels.includes(k) ? Math.max(into[k]!, v) : into[k]! + v) : v;
    }
  }
  return out;
}

function mergeWorkflows(s: ResolvedScenario, states: readonly CellState[]): WorkflowsSummary | null {
  if (s.workflows.length === 0) return null;
  const stats: WorkflowStats[] = s.workflows.map((wf) => new WorkflowStats(wf.name));
  let cost: TransferCost | null = null;
  for (const st of states) {
    if (!st.workflows) continue;
    for (const d of st.workflows.stats) stats[d.index]!.merge(WorkflowStats.fromJSON(d));
    const t = TransferCost.fromJSON(st.workflows.transfers);
    cost ??= new TransferCost(t.prices);
    cost.merge(t);
  }
  return workflowSummaryOf(stats, cost ?? new TransferCost(), s.transfers.method, s.cost);
}

const MEMORY_USED_COLUMN = TIMESERIES_COLUMNS.indexOf('memory_used_mib');

/**
 * What the cells' own ends leave out: an undivided run counts idle memory until its last request
 * ends, a cell until its own last one. The instances a cell holds at its end (all idle: it has
 * drained) would have stayed until the latest cell's end or their keep-alive, whichever is first;
 * the note gives the most that can be (all of them staying), so a reader knows the size.
 */
function tailNote(states: readonly CellState[], endUs: number, idleMiBUs: number): string[] {
  let missing = 0;
  let first = Infinity;
  for (const st of states) {
    first = Math.min(first, st.endUs);
    const last = st.timeseries[st.timeseries.length - 1];
    if (last) missing += (endUs - st.endUs) * last[MEMORY_USED_COLUMN]!;
  }
  if (missing <= 0) return [];
  const gbs = missing / MIB_US_PER_GBS;
  return [
    `the cells ended at their own drain, from ${first / 1e6} to ${endUs / 1e6} s: idle memory after a cell's end is not counted, at most ${Math.round(gbs)} GB-s (${((100 * missing) / Math.max(1, idleMiBUs)).toFixed(1)}% of the idle memory counted)`,
  ];
}

const MIB_US_PER_GBS = 1024 * 1e6;

/**
 * The merged run. `states` holds every cell once, in cell order; `traces` what each workload
 * source read (the same for every cell).
 */
export function mergeCells(s: ResolvedScenario, states: readonly CellState[], traces: readonly TraceInfo[]): MergedRun {
  let total = 0;
  for (const st of states) total += st.functions.length;
  const specs: { name: string; app: string; memoryMiB: number }[] = new Array(total);
  const cellOf = new Int32Array(total).fill(-1);
  for (const st of states) {
    for (const [g, name, app, memoryMiB] of st.functions) {
      if (g < 0 || g >= total || cellOf[g] !== -1) throw new Error(`cell ${st.cell}: function index ${g} is out of range or in another cell too`);
      specs[g] = { name, app, memoryMiB };
      cellOf[g] = st.cell;
    }
  }
  const recorder = new Recorder({
    functionNames: specs.map((f) => f.name),
    functionMemoryMiB: specs.map((f) => f.memoryMiB),
    phaseNames: [],
    counterNames: states[0]?.counterNames ?? [],
    invocationsPath: null,
  });
  let events = 0;
  let endUs = 0;
  let nodes = 0;
  for (const st of states) {
    absorbRecorder(
      recorder,
      st.recorder,
      st.functions.map((f) => f[0]),
    );
    events += st.events;
    endUs = Math.max(endUs, st.endUs);
    nodes += st.nodes;
  }
  const policyNames = states[0]!.policyNames;
  const k = states.length;
  const summary = runSummary(s, {
    durationUs: parseDuration(s.duration),
    endUs,
    events,
    nodes,
    functions: specs,
    recorder,
    policyNames,
    policyStats: mergePolicyStats(states),
    traces,
    workflows: mergeWorkflows(s, states),
    extraNotes: [
      `simulated as ${k} independent cells (fleet.cells): each owns its share of the nodes and its applications; no request, instance or storage traffic crosses cells (docs/scale.md)`,
      ...tailNote(states, endUs, recorder.idleMiBUs),
    ],
  });
  summary.cells = {
    count: k,
    byCell: states.map((st) => {
      const r = st.recorder;
      let dropped = 0;
      let failed = 0;
      for (const [, n] of r.dropped) dropped += n;
      for (const [, n] of r.failed) failed += n;
      return {
        cell: st.cell,
        nodes: st.nodes,
        functions: st.functions.length,
        apps: new Set(st.functions.map((f) => f[2])).size,
        arrivals: r.arrivals,
        completed: r.completed,
        dropped,
        failed,
        coldStarts: r.coldInvocations,
        events: st.events,
        endS: st.endUs / 1e6,
      };
    }),
  };
  const functions = functionRows(specs, recorder).map((row, g) => [...row, cellOf[g]!]);
  const cellSeries = states.map((st) => st.timeseries);
  const timeseries = mergeTimeseries(cellSeries, TIMESERIES_COUNTS_FROM);
  let functionTimeseries: (string | number)[][] | null = null;
  if (s.output.functionTimeseries) {
    const perFunction = states.flatMap((st) => st.functionSeries).sort((a, b) => a.rank - b.rank);
    functionTimeseries = mergeFunctionSeries(perFunction, mergedTimes(cellSeries), FUNCTION_SERIES_COUNTS_FROM);
  }
  return { summary, resolved: resolvedScenario(s, policyNames, nodes), functions, timeseries, functionTimeseries };
}
