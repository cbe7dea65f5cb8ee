// Worker-thread entry for sweep runs. Plain JavaScript because a worker starts without the
// TypeScript loader: register tsx here (as bin/sim.mjs does), then load the real worker module.
import { register } from 'tsx/esm/api';

register();
await import('./run-worker.ts');
