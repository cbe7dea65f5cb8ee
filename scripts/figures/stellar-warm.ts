// Figure `stellar-warm`: STeLLAR latency CDFs per provider preset, with the paper's medians and p99s.
// Run: node --import tsx scripts/figures/stellar-warm.ts [--out figures/] [--quick]   (same as `sim figures stellar-warm`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('stellar-warm', process.argv.slice(2));
