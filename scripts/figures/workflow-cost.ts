// Figure `workflow-cost`: latency and cost per completed run of the three workflow scenarios, per transfer method.
// Run: node --import tsx scripts/figures/workflow-cost.ts [--out figures/] [--quick]   (same as `sim figures workflow-cost`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('workflow-cost', process.argv.slice(2));
