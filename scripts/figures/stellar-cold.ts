// Figure `stellar-cold`: STeLLAR latency CDFs per provider preset, with the paper's medians and p99s.
// Run: node --import tsx scripts/figures/stellar-cold.ts [--out figures/] [--quick]   (same as `sim figures stellar-cold`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('stellar-cold', process.argv.slice(2));
