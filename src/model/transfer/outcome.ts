// What a transfer reports: success with its phase times (us, by phase name, in the order they ran)
// or a failure with a reason string. Failures are values, never exceptions: a run never crashes on
// an over-limit payload, a full cache or an expired buffer.

export type TransferMethod = 'inline' | 's3' | 'gcs' | 'elasticache' | 'xdt' | 'invoke';

export interface TransferOk {
  readonly ok: true;
  readonly method: TransferMethod;
  /** Which operation: e.g. `send`, `put`, `get`, `pull`, `hop`. */
  readonly op: string;
  readonly bytes: number;
  readonly startUs: number;
  readonly endUs: number;
  /** Time charged to each phase (us); they add up to endUs - startUs. */
  readonly phases: Readonly<Record<string, number>>;
}

export interface TransferFailed {
  readonly ok: false;
  readonly method: TransferMethod;
  readonly op: string;
  readonly bytes: number;
  /** Short machine-readable cause: `over-limit`, `expired`, `released`, `cache-full`, `value-too-large`, `no-such-object`. */
  readonly reason: string;
  /** Human-readable explanation with the numbers involved. */
  readonly detail: string;
  readonly atUs: number;
}

export type TransferOutcome = TransferOk | TransferFailed;

/** Called once per operation with its outcome. */
export type TransferDone = (outcome: TransferOutcome) => void;
