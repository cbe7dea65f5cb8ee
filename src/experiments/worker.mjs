// Worker-thread entry for sweep runs. Plain JavaScript because a worker starts without the
// TypeScript loader: load the real worker module as bin/sim.mjs loads the CLI (a cached bundle).
import { importBundled } from '../../bin/bundled.mjs';

await importBundled('src/experiments/run-worker.ts');
