// Figure `reap-concurrency`: Mean cold-start latency vs N simultaneous cold starts: vanilla vs REAP on SSD and HDD.
// Run: node --import tsx scripts/figures/reap-concurrency.ts [--out figures/] [--quick]   (same as `sim figures reap-concurrency`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('reap-concurrency', process.argv.slice(2));
