// Worker-thread entry for the cells of a divided fleet (src/cells/pool.ts starts it). Plain
// JavaScript because a worker starts without the TypeScript loader: it loads the real worker
// module as bin/sim.mjs loads the CLI (a cached bundle). It lives in bin/ beside the loader it
// needs, so nothing in src/ imports bin/ (CONTRIBUTING.md "Layers").
import { importBundled } from './bundled.mjs';

await importBundled('src/cells/worker.ts');
