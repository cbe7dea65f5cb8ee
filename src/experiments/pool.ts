// Runs sweep tasks on N worker threads (or in this thread when N is 1). Each worker takes the
// next task when it finishes one; outputs do not depend on which worker ran what, because every
// run writes only its own folder and results are assembled later in run order.
import { runOnWorkers } from '../worker-pool.ts';
import type { RunTask, WorkerReply } from './messages.ts';
import { runOne } from './run-one.ts';
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
  await runOnWorkers<WorkerReply>({
    url: WORKER_URL,
    what: 'sweep worker',
    threads: jobs,
    tasks: tasks.length,
    message: (k) => tasks[k]!,
    onReply: (m) => (m.type === 'progress' ? listener.onProgress?.(m.index, m.fraction) : listener.onDone?.(m.index)),
    ...(signal ? { signal } : {}),
  });
}
