// Runs cells on worker threads: each worker takes the next cell when it finishes one. The files a
// cell writes depend only on the scenario and its index, never on which worker ran it or when.
import { Worker } from 'node:worker_threads';
import { deserializeError } from '../input/thread-error.ts';
import type { CellJobData } from './run-cell.ts';
import { Interrupted } from '../interrupted.ts';
import { workerExecArgvOnce } from '../worker-exec-argv.ts';
import type { CellReply, CellTask } from './messages.ts';

/** The thread entry: plain JavaScript in bin/, since it must load the bundle before any TypeScript runs. */
const WORKER_URL = new URL('../../bin/cell-worker.mjs', import.meta.url);

export interface CellProgress {
  readonly cell: number;
  readonly simTimeUs: number;
  readonly events: number;
  readonly arrivals: number;
  readonly done: boolean;
}

/**
 * Runs `cells` on `threads` workers in that order, cell c (made by `jobOf(c)` when a worker takes
 * it) into `dirOf(c)`; rejects on the first error or when `signal` aborts.
 */
export async function runCellsOnThreads(
  jobOf: (c: number) => CellJobData,
  cells: readonly number[],
  dirOf: (c: number) => string,
  threads: number,
  onProgress: (p: CellProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let next = 0;
      let finished = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        rejectAll(e);
      };
      const feed = (w: Worker) => {
        if (failed || next >= cells.length) return;
        const c = cells[next++]!;
        try {
          w.postMessage({ job: jobOf(c), dir: dirOf(c) } satisfies CellTask);
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
        }
      };
      for (let i = 0; i < Math.min(threads, cells.length); i++) {
        const w = new Worker(WORKER_URL, { execArgv: [...workerExecArgvOnce()] });
        workers.push(w);
        w.on('message', (m: CellReply) => {
          if (m.type === 'progress') onProgress({ ...m, done: false });
          else if (m.type === 'error') fail(deserializeError(m.error));
          else {
            onProgress({ cell: m.cell, simTimeUs: Infinity, events: 0, arrivals: 0, done: true });
            if (++finished === cells.length) resolveAll();
            else feed(w);
          }
        });
        w.on('error', (e) => fail(e));
        w.on('exit', (code) => {
          if (finished < cells.length) fail(new Error(`cell worker exited early (code ${code})`));
        });
        feed(w);
      }
      const stop = () => fail(new Interrupted(typeof signal?.reason === 'string' ? signal.reason : undefined));
      if (signal?.aborted) stop();
      signal?.addEventListener('abort', stop, { once: true });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
