// Figure `workflow-cost`: Workflow latency and cost per transfer method (not available yet: needs the transfer model, issue 6).
// Run: node --import tsx notebooks/workflow-cost.ts [--out figures/] [--quick]   (same as `sim figures workflow-cost`)
import { runNotebook } from '../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('workflow-cost', process.argv.slice(2));
