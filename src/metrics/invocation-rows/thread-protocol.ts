// The protocol between the simulation thread (writer-thread.ts) and the invocations.csv writer
// thread (writer-thread-main.ts, loaded by bin/csv-worker.mjs): one home for both sides. The plain
// JavaScript entry cannot import TypeScript before the bundle loads, so it is handed CONTROL and
// STATE in its workerData (`protocol`) rather than repeating their numbers.
import type { MessagePort } from 'node:worker_threads';
import type { InvocationColumns } from './row-formatter.ts';

/** Int32 slots of the control block shared with the writer thread. */
export const CONTROL = {
  /** Bumped by the writer after every change below, so a waiter never misses one. */
  seq: 0,
  /** Batches formatted (their ring slot may be refilled). */
  written: 1,
  state: 2,
  size: 3,
} as const;

/**
 * `booting`: loading its modules; `ready`: takes batches; `closed`: every row written (the
 * simulation thread closes the file, which it owns throughout). A thread that failed or exited
 * never touches the file again, and one that did so before `ready` never touched it at all.
 */
export const STATE = { booting: 0, ready: 1, closed: 2, failed: 3, exited: 4 } as const;

export interface CsvWorkerData {
  readonly fd: number;
  readonly functionNames: readonly string[];
  readonly phaseNames: readonly string[];
  /** False when the simulation thread writes the header (it formats the first rows itself), or the file has none. */
  readonly header: boolean;
  readonly columns: InvocationColumns;
  /** Compress as it writes (gzip-pieces.ts); the simulation thread's pending bytes come as a `carry`. */
  readonly gzip: boolean;
  readonly ring: readonly SharedArrayBuffer[];
  readonly control: SharedArrayBuffer;
  /** Carries a failure's message to the simulation thread, which reads it synchronously. */
  readonly port: MessagePort;
  /** For bin/csv-worker.mjs, which reports a failure to load the bundle by this protocol. */
  readonly protocol: { readonly control: typeof CONTROL; readonly state: typeof STATE };
}

export type ToWriter =
  | { readonly type: 'batch'; readonly slot: number; readonly rows: number; readonly reset: boolean; readonly strings: readonly string[] }
  | { readonly type: 'carry'; readonly bytes: Uint8Array }
  | { readonly type: 'close' };

/** Posted on `port` before the state becomes `failed`, so the simulation thread finds it once it sees the state. */
export interface WriterFailure {
  readonly message: string;
  readonly code?: string;
}

/** Wakes a simulation thread waiting on the control block (after any change to it). */
export function signal(ctl: Int32Array): void {
  Atomics.add(ctl, CONTROL.seq, 1);
  Atomics.notify(ctl, CONTROL.seq);
}
