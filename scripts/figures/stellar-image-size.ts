// Figure `stellar-image-size`: STeLLAR latency CDFs per provider preset, with the paper's medians and p99s.
// Run: node --import tsx scripts/figures/stellar-image-size.ts [--out figures/] [--quick]   (same as `sim figures stellar-image-size`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('stellar-image-size', process.argv.slice(2));
