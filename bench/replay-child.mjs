// Starts bench/replay-child.ts as `sim` starts the CLI (bin/bundled.mjs), so the benchmark
// measures the code users run.
import { importBundled } from '../bin/bundled.mjs';

await importBundled('bench/replay-child.ts');
