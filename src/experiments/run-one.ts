// One sweep run, the same in a worker or in the main thread: simulate into the run folder and
// report progress as the fraction of simulated time done.
import { simulate } from '../simulate.ts';
import type { RunTask } from './messages.ts';

/** `signal`: stop the run (in this thread) when it aborts; workers are terminated instead. */
export async function runOne(task: RunTask, onFraction?: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
  await simulate(task.scenario, {
    outDir: task.outDir,
    force: task.force,
    onProgress: onFraction ? (p) => onFraction(Math.min(1, p.simTimeUs / p.durationUs)) : undefined,
    ...(signal ? { signal } : {}),
  });
}
