// Messages between the sweep's main thread and its run workers (structured-cloned, so plain data).
import type { SerializedError } from '../input/thread-error.ts';
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
