// Messages between the sweep's main thread and its run workers (structured-cloned, so plain data).
import type { InputProblem } from '../input/errors.ts';
import type { ResolvedScenario } from '../scenario/schema.ts';

export interface RunTask {
  /** Position in the sweep, echoed back. */
  readonly index: number;
  readonly scenario: ResolvedScenario;
  readonly outDir: string;
  /** Replace a run folder that holds other entries too (those are kept). */
  readonly force?: boolean;
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly index: number; readonly fraction: number }
  | { readonly type: 'done'; readonly index: number }
  | { readonly type: 'error'; readonly index: number; readonly error: SerializedError };

/** An error crossing the thread boundary; input errors keep their problems. */
export interface SerializedError {
  readonly message: string;
  readonly stack?: string;
  readonly problems?: readonly InputProblem[];
  /** An OS error's code, path and call (EROFS, ENOSPC...), so the CLI reports it as the environment's. */
  readonly errno?: { readonly code: string; readonly path?: string; readonly syscall?: string };
}
