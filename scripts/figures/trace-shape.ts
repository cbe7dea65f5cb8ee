// Figure `trace-shape`: CDF of daily invocations per function and per app of the synthetic Azure-like traces.
// Run: node --import tsx scripts/figures/trace-shape.ts [--out figures/] [--quick]   (same as `sim figures trace-shape`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('trace-shape', process.argv.slice(2));
