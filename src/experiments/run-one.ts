// One sweep run, the same in a worker or in the main thread: simulate into the run folder and
// report progress as the fraction of simulated time done.
import { InputError } from '../scenario/errors.ts';
import { simulate } from '../simulate.ts';
import type { RunTask, SerializedError } from './messages.ts';

export async function runOne(task: RunTask, onFraction?: (fraction: number) => void): Promise<void> {
  await simulate(task.scenario, {
    outDir: task.outDir,
    force: task.force,
    onProgress: onFraction ? (p) => onFraction(Math.min(1, p.simTimeUs / p.durationUs)) : undefined,
  });
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof InputError) return { message: e.message, problems: e.problems };
  if (e instanceof Error) return { message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  return { message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  if (s.problems) return new InputError(s.problems);
  const e = new Error(s.message);
  if (s.stack) e.stack = s.stack;
  return e;
}
