// Figure `reap-functions`: REAP per-function cold start: warm / vanilla snapshot / REAP, simulated, paper as reference.
// Run: node --import tsx scripts/figures/reap-functions.ts [--out figures/] [--quick]   (same as `sim figures reap-functions`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('reap-functions', process.argv.slice(2));
