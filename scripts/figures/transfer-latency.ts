// Figure `transfer-latency`: producer -> consumer latency vs payload size per transfer method, with STeLLAR medians.
// Run: node --import tsx scripts/figures/transfer-latency.ts [--out figures/] [--quick]   (same as `sim figures transfer-latency`)
import { runNotebook } from '../../src/experiments/figures/notebook.ts';

process.exitCode = await runNotebook('transfer-latency', process.argv.slice(2));
