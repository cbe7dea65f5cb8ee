// An error crossing a thread boundary (sweep runs, a divided fleet's cells): input errors keep
// their problems, OS errors their code, path and call, so the CLI reports either as it would in
// the main thread.
import { InputError, type InputProblem } from './errors.ts';

/** An error crossing the thread boundary; input errors keep their problems. */
export interface SerializedError {
  readonly message: string;
  readonly stack?: string;
  readonly problems?: readonly InputProblem[];
  /** An OS error's code, path and call (EROFS, ENOSPC...), so the CLI reports it as the environment's. */
  readonly errno?: { readonly code: string; readonly path?: string; readonly syscall?: string };
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
