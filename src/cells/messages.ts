// Messages between a divided run's main thread and its cell workers (structured-cloned, so plain data).
import type { SerializedError } from '../input/thread-error.ts';
import type { CellJobData } from './run-cell.ts';

export interface CellTask {
  readonly job: CellJobData;
  /** The cell's folder. */
  readonly dir: string;
}

export type CellReply =
  | { readonly type: 'progress'; readonly cell: number; readonly simTimeUs: number; readonly events: number; readonly arrivals: number }
  | { readonly type: 'done'; readonly cell: number; readonly policyNames: Readonly<Record<string, string>> }
  | { readonly type: 'error'; readonly cell: number; readonly error: SerializedError };
