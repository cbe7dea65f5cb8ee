// How invocations.csv is written: the mode and the sizes of the batches and ring, read when a sink
// is created (sink.ts).

/**
 * `worker`: format and write on a writer thread (waiting for it to start); `sync`: on the
 * simulation thread; `auto`: on the simulation thread until `threadAfterRows` rows, then a writer
 * thread is started and takes over once it is ready (short runs, such as most tests, never start
 * one; a thread that cannot start leaves the writing here, with a warning).
 */
export type InvocationWriterMode = 'auto' | 'worker' | 'sync';

function envMode(): InvocationWriterMode {
  const v = process.env.SIM_INVOCATIONS_WRITER;
  return v === 'worker' || v === 'sync' ? v : 'auto';
}

/**
 * Process-wide knobs, read when a sink is created. Tests change them to force a path or provoke
 * backpressure; SIM_INVOCATIONS_WRITER=sync|worker sets the mode (e.g. where threads misbehave).
 */
export const invocationWriterSettings = {
  mode: envMode(),
  threadAfterRows: 65_536,
  /** Rows per batch: small enough that the batch being filled stays in cache. */
  batchRows: 4096,
  /** Batches the writer may lag behind before the simulation thread waits for it. */
  ringSize: 16,
  /** In `worker` mode, how long to wait for the thread to start (it loads tsx: ~0.3 s when idle). */
  startMs: 30_000,
  /** A writer thread that makes no progress for this long while waited for is taken as dead. */
  stallMs: 60_000,
  /** Interned strings (outcomes, reasons, start paths) kept before the table starts over. */
  stringTableLimit: 1 << 16,
};
