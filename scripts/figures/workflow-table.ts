// Prints the table of docs/transfers.md: each workflow scenario run with every transfer method,
// end-to-end latency and cost per completed run. Run: node --import tsx scripts/figures/workflow-table.ts
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';

type Wf = {
  runs: number;
  completed: number;
  failed: Record<string, number>;
  latencyMs: { p50: number; p99: number };
  meanTimePerRunMs: { transfer: number; compute: number };
  costPerRunUSD: { total: number; transfer: number };
};

const scenarios = ['workflow-video', 'workflow-ensemble', 'workflow-mapreduce'];
const methods = ['inline', 's3', 'elasticache', 'xdt'];
console.log('| workflow | method | completed/runs | p50 ms | p99 ms | transfer ms/run | cost per run (uUSD) | of which transfer |');
console.log('|---|---|---|---|---|---|---|---|');
for (const name of scenarios) {
  for (const method of methods) {
    const s = loadScenarioFile(`scenarios/${name}.json`, { sets: [`transfers.method=${method}`] });
    const r = await simulate(s);
    const wfs = (r.summary.workflows as { byWorkflow: Record<string, Wf> }).byWorkflow;
    for (const [wf, w] of Object.entries(wfs)) {
      const failed = Object.entries(w.failed).map(([k, v]) => `${k} ${v}`).join(', ');
      console.log(
        `| ${wf} | ${method} | ${w.completed}/${w.runs}${failed ? ` (${failed})` : ''} | ${w.latencyMs.p50} | ${w.latencyMs.p99} | ` +
          `${w.meanTimePerRunMs.transfer} | ${(w.costPerRunUSD.total * 1e6).toFixed(1)} | ${(w.costPerRunUSD.transfer * 1e6).toFixed(1)} |`,
      );
    }
  }
}
