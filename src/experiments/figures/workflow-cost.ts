// Figure `workflow-cost`: median end-to-end latency and cost per completed run of the three
// XDT-paper-like workflow scenarios, for each transfer method, from simulator runs. Methods that
// fail every run (inline over the provider's size limit) are listed in the CSV with their reason.
import type { TopLevelSpec } from 'vega-lite';
import { runScenario } from './runs.ts';
import { round } from './write.ts';
import type { Figure, FigureData, FigureOptions } from './types.ts';

const SCENARIOS = ['workflow-video', 'workflow-ensemble', 'workflow-mapreduce'];
const METHODS = ['inline', 's3', 'elasticache', 'xdt'];

interface WorkflowSummary {
  runs: number;
  completed: number;
  failed: Record<string, number>;
  latencyMs: { p50: number };
  costPerRunUSD: { total: number };
}

async function build(opts: FigureOptions): Promise<FigureData> {
  const rows: (string | number)[][] = [];
  const points: Record<string, string | number>[] = [];
  for (const scenario of SCENARIOS) {
    for (const method of METHODS) {
      const sets = [`transfers.method=${method}`, ...(opts.quick ? ['duration=1m'] : [])];
      const r = await runScenario(`${scenario}.json`, sets);
      const byWf = (r.summary.workflows as { byWorkflow: Record<string, WorkflowSummary> }).byWorkflow;
      for (const [wf, w] of Object.entries(byWf)) {
        const failed = Object.entries(w.failed).map(([k, v]) => `${k} ${v}`).join('; ');
        rows.push([wf, method, w.runs, w.completed, failed, round(w.latencyMs.p50), round(w.costPerRunUSD.total * 1e6, 2)]);
        if (w.completed > 0) {
          points.push({ workflow: wf, method, metric: 'median latency (ms)', value: round(w.latencyMs.p50) });
          points.push({ workflow: wf, method, metric: 'cost per run (micro-USD)', value: round(w.costPerRunUSD.total * 1e6, 2) });
        }
        opts.log?.(`workflow-cost: ${wf} ${method}: ${w.completed}/${w.runs} completed, p50 ${w.latencyMs.p50} ms, ${(w.costPerRunUSD.total * 1e6).toFixed(1)} uUSD/run`);
      }
    }
  }
  const spec: TopLevelSpec = {
    title: {
      text: 'Workflow latency and cost per transfer method',
      subtitle: `simulated: scenarios/workflow-*.json with --set transfers.method=...; ${opts.quick ? '1' : '10'} simulated minutes each; inline fails every run (payloads over 6 MB)`,
    },
    data: { values: points },
    facet: {
      row: { field: 'metric', type: 'nominal', title: null },
      column: { field: 'workflow', type: 'nominal', title: null },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 170,
      height: 180,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'method', type: 'nominal', sort: METHODS, title: null },
        y: { field: 'value', type: 'quantitative', title: null },
        color: { field: 'method', type: 'nominal', sort: METHODS, title: 'method' },
      },
    },
  };
  return {
    spec,
    columns: ['workflow', 'method', 'runs', 'completed', 'failed', 'p50_ms', 'cost_per_run_micro_usd'],
    rows,
    series: METHODS.filter((m) => points.some((p) => p.method === m)),
    points: points.length,
    referencePoints: 0,
    notes: [
      `simulated: ${SCENARIOS.map((s) => `scenarios/${s}.json`).join(', ')} x transfers.method = ${METHODS.join(', ')}`,
      'cost per completed run: compute GB-s + requests + the transfer services\' bill shared over completed runs',
    ],
  };
}

export const workflowCost: Figure = {
  name: 'workflow-cost',
  title: 'Workflow latency and cost per transfer method',
  build,
};
