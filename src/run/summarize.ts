// What a finished run reports, from its totals: summary.json with its notes, and the resolved
// scenario. One place for both an undivided run and the merge of a divided one's cells, so that
// the two cannot drift apart.
import { buildSummary, type Summary, type SummaryInputs, type WorkflowsSummary } from '../metrics/summary.ts';
import type { ResolvedScenario } from '../scenario/schema.ts';
import type { TraceReport } from '../workload/trace-types.ts';
import { TOOL_VERSION } from '../version.ts';

/** What a trace source read (its report) and how many functions it replays; null for synthetic sources. */
export type TraceInfo = { readonly report: TraceReport; readonly functions: number } | null;

/** What the run did; the rest of the summary's inputs come from the scenario. */
export interface RunTotals extends Pick<SummaryInputs, 'durationUs' | 'endUs' | 'events' | 'nodes' | 'functions' | 'recorder' | 'policyStats'> {
  readonly policyNames: Readonly<Record<string, string>>;
  readonly traces: readonly TraceInfo[];
  /** The `workflows` section, or null without workflows. */
  readonly workflows: WorkflowsSummary | null;
  /** Notes of the caller (a divided run says so), after the run's own. */
  readonly extraNotes?: readonly string[];
}

/** Base name of the per-invocation file, before any .gz. */
export function invocationsCsvName(s: ResolvedScenario): string {
  return s.output.invocationColumns === 'invitro' ? 'invocations-invitro.csv' : 'invocations.csv';
}

/** scenario.resolved.json: the scenario with every default, and what the tool made of it. */
export function resolvedScenario(s: ResolvedScenario, policyNames: Readonly<Record<string, string>>, nodes: number): Record<string, unknown> {
  return { ...s, resolved: { toolVersion: TOOL_VERSION, policies: policyNames, nodes } };
}

export function runSummary(s: ResolvedScenario, t: RunTotals): Summary {
  const notes: string[] = [];
  if (typeof s.output.invocations === 'number' && s.output.invocations < 1) {
    notes.push(
      `${invocationsCsvName(s)} holds a sample of about ${100 * s.output.invocations}% of the invocations (by a hash of the invocation id); the summary counts all`,
    );
  }
  const traceReports: TraceReport[] = [];
  let base = s.functions.length;
  t.traces.forEach((tr, i) => {
    if (!tr) return;
    traceReports.push(tr.report);
    let replayed = 0;
    for (let k = 0; k < tr.functions; k++) replayed += t.recorder.functions[base + k]!.arrivals;
    base += tr.functions;
    if (replayed < tr.report.invocationsKept) {
      notes.push(
        `workload[${i}]: ${tr.report.invocationsKept - replayed} of the ${tr.report.invocationsKept} trace arrivals in the window fall after the run duration and were not replayed`,
      );
    }
    const dropped = Object.entries(tr.report.dropped).filter(([, n]) => n > 0);
    if (dropped.length) notes.push(`workload[${i}]: the trace reader dropped functions: ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });
  notes.push(...(t.extraNotes ?? []));
  const summary = buildSummary({
    name: s.name,
    seed: s.seed,
    toolVersion: TOOL_VERSION,
    policies: t.policyNames,
    durationUs: t.durationUs,
    endUs: t.endUs,
    events: t.events,
    nodes: t.nodes,
    functions: t.functions,
    recorder: t.recorder,
    cost: s.cost,
    notes,
    policyStats: t.policyStats,
    traces: traceReports,
    reportColdWaits: s.platform.reportColdWaits === true,
  });
  if (t.workflows) summary.workflows = t.workflows;
  return summary;
}
