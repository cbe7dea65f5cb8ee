// Runs cells on worker threads: each worker takes the next cell when it finishes one. The files a
// cell writes depend only on the scenario and its index, never on which worker ran it or when.
import type { CellJobData } from './run-cell.ts';
import { runOnWorkers } from '../worker-pool.ts';
import type { CellReply, CellTask } from './messages.ts';

/** The thread entry: plain JavaScript in bin/, since it must load the bundle before any TypeScript runs. */
const WORKER_URL = new URL('../../bin/cell-worker.mjs', import.meta.url);

export interface CellProgress {
  readonly cell: number;
  readonly simTimeUs: number;
  readonly events: number;
  readonly arrivals: number;
  readonly done: boolean;
  /** With `done`: the canonical policy names the cell ran. */
  readonly policyNames?: Readonly<Record<string, string>>;
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
  await runOnWorkers<CellReply>({
    url: WORKER_URL,
    what: 'cell worker',
    threads,
    tasks: cells.length,
    message: (k) => ({ job: jobOf(cells[k]!), dir: dirOf(cells[k]!) }) satisfies CellTask,
    onReply: (m) =>
      onProgress(
        m.type === 'progress' ? { ...m, done: false } : { cell: m.cell, simTimeUs: Infinity, events: 0, arrivals: 0, done: true, policyNames: m.policyNames },
      ),
    ...(signal ? { signal } : {}),
  });
}
