// File-system errors that are the environment's, not a bug: a read-only or full output folder, a
// path too long, a file where a folder was expected. The CLI reports them as bad input (exit 2)
// with the path and the OS error instead of a stack trace.

const ENVIRONMENT_CODES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'path too long',
  ENOTDIR: 'a path component is not a folder',
  EISDIR: 'is a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

interface ErrnoLike {
  readonly code?: unknown;
  readonly path?: unknown;
  readonly dest?: unknown;
  readonly syscall?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

/**
 * A one-line message for an environment error (also one wrapped as a `cause`, as the
 * invocations.csv writer does), or null for anything else.
 */
export function environmentProblem(e: unknown): string | null {
  for (let x: unknown = e, depth = 0; x !== null && typeof x === 'object' && depth < 4; x = (x as ErrnoLike).cause, depth++) {
    const err = x as ErrnoLike;
    if (typeof err.code !== 'string' || !(err.code in ENVIRONMENT_CODES)) continue;
    const what = `${err.code} (${ENVIRONMENT_CODES[err.code]})`;
    // The outermost message names the file when a wrapper added it; a bare errno error has `path`.
    if (typeof err.path === 'string') {
      const op = typeof err.syscall === 'string' ? `${err.syscall}${typeof err.dest === 'string' ? ` to ${err.dest}` : ''} failed: ` : '';
      return `${err.path}: ${op}${what}`;
    }
    const outer = e instanceof Error ? e.message : String(err.message ?? '');
    return `${outer.split('\n')[0]}: ${what}`;
  }
  return null;
}
