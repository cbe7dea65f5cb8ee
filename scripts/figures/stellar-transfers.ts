// Figure `stellar-transfers`: STeLLAR latency CDFs per provider preset, with the paper's medians and p99s.
// Run: node --import tsx scripts/figures/stellar-transfers.ts [--out figures/] [--quick]   (same as `sim figures stellar-transfers`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('stellar-transfers', process.argv.slice(2));
