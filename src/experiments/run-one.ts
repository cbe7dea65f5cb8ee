// One sweep run, the same in a worker or in the main thread: simulate into the run folder and
// report progress as the fraction of simulated time done.
import { InputError } from '../input/errors.ts';
import { simulate } from '../simulate.ts';
import type { RunTask, SerializedError } from './messages.ts';

/** `signal`: stop the run (in this thread) when it aborts; workers are terminated instead. */
export async function runOne(task: RunTask, onFraction?: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
  await simulate(task.scenario, {
    outDir: task.outDir,
    force: task.force,
    onProgress: onFraction ? (p) => onFraction(Math.min(1, p.simTimeUs / p.durationUs)) : undefined,
    ...(signal ? { signal } : {}),
  });
}

/** The errno fields of `e` or of its cause (the invocations.csv writer wraps its OS error). */
function errnoOf(e: unknown): SerializedError['errno'] | undefined {
  for (const x of [e, (e as { cause?: unknown } | null)?.cause]) {
    const n = x as NodeJS.ErrnoException | null | undefined;
    if (n && typeof n === 'object' && typeof n.code === 'string') {
      return { code: n.code, ...(typeof n.path === 'string' ? { path: n.path } : {}), ...(typeof n.syscall === 'string' ? { syscall: n.syscall } : {}) };
    }
  }
  return undefined;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof InputError) return { message: e.message, problems: e.problems };
  const errno = errnoOf(e);
  if (e instanceof Error) return { message: e.message, ...(e.stack ? { stack: e.stack } : {}), ...(errno ? { errno } : {}) };
  return { message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  if (s.problems) return new InputError(s.problems);
  const e = new Error(s.message);
  if (s.stack) e.stack = s.stack;
  // Only the fields, as a cause: the CLI's message then keeps the worker's wording.
  if (s.errno) Object.assign(e, { cause: { ...s.errno } });
  return e;
}
