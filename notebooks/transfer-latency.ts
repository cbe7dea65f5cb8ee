// Figure `transfer-latency`: Transfer latency vs payload size per method (not available yet: needs the transfer model, issue 6).
// Run: node --import tsx notebooks/transfer-latency.ts [--out figures/] [--quick]   (same as `sim figures transfer-latency`)
import { runNotebook } from '../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('transfer-latency', process.argv.slice(2));
