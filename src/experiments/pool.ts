// Runs sweep tasks on N worker threads (or in this thread when N is 1). Each worker takes the
// next task when it finishes one; outputs do not depend on which worker ran what, because every
// run writes only its own folder and results are assembled later in run order.
import { Worker } from 'node:worker_threads';
import { workerExecArgvOnce } from '../worker-exec-argv.ts';
import type { RunTask, WorkerReply } from './messages.ts';
import { runOne } from './run-one.ts';
import { deserializeError } from '../input/thread-error.ts';
import { interrupted } from '../simulate.ts';

export interface PoolListener {
  /** Fraction of a run's simulated time done so far. */
  onProgress?(index: number, fraction: number): void;
  onDone?(index: number): void;
}

/** The thread entry: plain JavaScript in bin/, since it must load the bundle before any TypeScript runs. */
const WORKER_URL = new URL('../../bin/sweep-worker.mjs', import.meta.url);

/**
 * Runs the tasks; when `signal` aborts, stops (workers are terminated, a run in this thread stops
 * at its next progress point) and rejects with Interrupted. Runs already done stay done.
 */
export async function runTasks(tasks: readonly RunTask[], jobs: number, listener: PoolListener = {}, signal?: AbortSignal): Promise<void> {
  if (tasks.length === 0) return;
  if (jobs <= 1) {
    // In this thread: simpler stack traces, and no worker start-up cost.
    for (const t of tasks) {
      // A run too short to reach a progress point never yields: let a signal handler run between runs.
      if (signal) await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw interrupted(signal);
      await runOne(t, (f) => listener.onProgress?.(t.index, f), signal);
      listener.onDone?.(t.index);
    }
    return;
  }
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      let next = 0;
      let finished = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        rejectPool(e);
      };
      const feed = (w: Worker) => {
        if (failed || next >= tasks.length) return;
        w.postMessage(tasks[next++]!);
      };
      const count = Math.min(jobs, tasks.length);
      for (let i = 0; i < count; i++) {
        const w = new Worker(WORKER_URL, { execArgv: [...workerExecArgvOnce()] });
        workers.push(w);
        w.on('message', (m: WorkerReply) => {
          if (m.type === 'progress') listener.onProgress?.(m.index, m.fraction);
          else if (m.type === 'error') fail(deserializeError(m.error));
          else {
            listener.onDone?.(m.index);
            if (++finished === tasks.length) resolvePool();
            else feed(w);
          }
        });
        w.on('error', (e) => fail(e));
        w.on('exit', (code) => {
          if (finished < tasks.length) fail(new Error(`sweep worker exited early (code ${code})`));
        });
        feed(w);
      }
      // The main thread is idle meanwhile, so it sees the signal at once; the finally below
      // terminates the workers wherever they are.
      if (signal?.aborted) fail(interrupted(signal));
      signal?.addEventListener('abort', () => fail(interrupted(signal)), { once: true });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
