// N worker threads working through a list of tasks: each worker takes the next task when it
// replies 'done' to the one before. Sweeps (experiments/pool.ts) and a divided fleet's cells
// (cells/pool.ts) both run on it; what a task is and what its progress says is theirs.
import { Worker } from 'node:worker_threads';
import { deserializeError, type SerializedError } from './input/thread-error.ts';
import { Interrupted } from './interrupted.ts';
import { workerExecArgvOnce } from './worker-exec-argv.ts';

/** What a worker may reply: progress (passed on), one task done, or an error that stops the pool. */
export type PoolReply = { readonly type: 'progress' } | { readonly type: 'done' } | { readonly type: 'error'; readonly error: SerializedError };

export interface PoolRun<R extends PoolReply> {
  /** The worker entry (plain JavaScript in bin/, which loads the bundle before any TypeScript runs). */
  readonly url: URL;
  /** What the workers are called in the error of one that exits early ("sweep worker"). */
  readonly what: string;
  readonly threads: number;
  readonly tasks: number;
  /** The message of task k, made when a worker takes it. */
  readonly message: (k: number) => unknown;
  /** Every progress and done reply, in the order they arrive. */
  readonly onReply: (m: Exclude<R, { type: 'error' }>) => void;
  /** Aborting it terminates the workers wherever they are and rejects with Interrupted. */
  readonly signal?: AbortSignal;
}

/** Runs the tasks; rejects on the first error (the workers are terminated before it returns). */
export async function runOnWorkers<R extends PoolReply>(o: PoolRun<R>): Promise<void> {
  if (o.tasks === 0) return;
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
        if (failed || next >= o.tasks) return;
        try {
          w.postMessage(o.message(next++));
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
        }
      };
      for (let i = 0; i < Math.min(o.threads, o.tasks); i++) {
        const w = new Worker(o.url, { execArgv: [...workerExecArgvOnce()] });
        workers.push(w);
        w.on('message', (m: R) => {
          if (m.type === 'error') return fail(deserializeError((m as Extract<PoolReply, { type: 'error' }>).error));
          o.onReply(m as Exclude<R, { type: 'error' }>);
          if (m.type !== 'done') return;
          if (++finished === o.tasks) resolvePool();
          else feed(w);
        });
        w.on('error', (e) => fail(e));
        w.on('exit', (code) => {
          if (finished < o.tasks) fail(new Error(`${o.what} exited early (code ${code})`));
        });
        feed(w);
      }
      // The main thread is idle meanwhile, so it sees the signal at once; the finally below
      // terminates the workers wherever they are.
      const stop = () => fail(new Interrupted(typeof o.signal?.reason === 'string' ? o.signal.reason : undefined));
      if (o.signal?.aborted) stop();
      o.signal?.addEventListener('abort', stop, { once: true });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
