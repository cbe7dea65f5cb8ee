// Figure `keepalive-tradeoff`: Keep-alive policies: 75th-percentile app cold-start % vs wasted idle memory (GB-s).
// Run: node --import tsx scripts/figures/keepalive-tradeoff.ts [--out figures/] [--quick]   (same as `sim figures keepalive-tradeoff`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('keepalive-tradeoff', process.argv.slice(2));
