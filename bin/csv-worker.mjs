// Entry of the invocations.csv writer thread (src/metrics/invocation-rows.ts starts it). Plain
// JavaScript because a worker starts without the TypeScript loader: load the real module as
// bin/sweep-worker.mjs does (a cached bundle). It lives in bin/ beside the loader it needs, so
// nothing in src/ imports bin/ (CONTRIBUTING.md "Layers").
import { workerData } from 'node:worker_threads';

try {
  const { importBundled } = await import('./bundled.mjs');
  await importBundled('src/metrics/csv-writer-thread.ts');
} catch (e) {
  // Reported as csv-writer-thread.ts reports failures, so the simulation thread learns at once.
  // Indices mirror CONTROL (seq 0, state 2) and STATE (booting 0, failed 3) in invocation-rows.ts,
  // which cannot be imported without the loader.
  const ctl = new Int32Array(workerData.control);
  if (Atomics.load(ctl, 2) === 0) {
    workerData.port.postMessage({ message: `the writer thread did not start: ${e instanceof Error ? e.message : String(e)}` });
    Atomics.store(ctl, 2, 3);
    Atomics.add(ctl, 0, 1);
    Atomics.notify(ctl, 0);
  }
}
