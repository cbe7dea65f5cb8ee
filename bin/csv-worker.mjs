// Entry of the invocations.csv writer thread (src/metrics/invocation-rows/writer-thread.ts starts
// it). Plain JavaScript because a worker starts without the TypeScript loader: load the real module
// as bin/sweep-worker.mjs does (a cached bundle). It lives in bin/ beside the loader it needs, so
// nothing in src/ imports bin/ (CONTRIBUTING.md "Layers").
import { workerData } from 'node:worker_threads';

try {
  const { importBundled } = await import('./bundled.mjs');
  await importBundled('src/metrics/invocation-rows/writer-thread-main.ts');
} catch (e) {
  // Reported as writer-thread-main.ts reports failures, so the simulation thread learns at once;
  // the slots and states come with workerData (thread-protocol.ts), as TypeScript cannot be
  // imported without the loader that just failed.
  const { control, state } = workerData.protocol;
  const ctl = new Int32Array(workerData.control);
  if (Atomics.load(ctl, control.state) === state.booting) {
    workerData.port.postMessage({ message: `the writer thread did not start: ${e instanceof Error ? e.message : String(e)}` });
    Atomics.store(ctl, control.state, state.failed);
    Atomics.add(ctl, control.seq, 1);
    Atomics.notify(ctl, control.seq);
  }
}
