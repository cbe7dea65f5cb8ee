// What the model reports as it runs. The metrics layer implements this; the model never imports
// metrics, so recorders can be swapped (full per-invocation output, sampled, or none).
import type { StartOutcome } from './coldstart/start-path.ts';
import type { Instance } from './instance.ts';
import type { Invocation } from './invocation.ts';

export type TeardownReason = 'keepalive' | 'evicted' | 'scaled-down';

export interface PlatformObserver {
  arrival(inv: Invocation, now: number): void;
  /**
   * The invocation ended (completed, dropped or failed); called exactly once per arrival. The
   * platform may reuse `inv` for a later request once this returns: copy what you keep.
   */
  ended(inv: Invocation, now: number): void;
  instanceStarted(inst: Instance, now: number): void;
  instanceReady(inst: Instance, outcome: StartOutcome, now: number): void;
  /** An idle period of `inst` from `from` to `to` (memory held without work). */
  idlePeriod(inst: Instance, from: number, to: number): void;
  instanceDead(inst: Instance, reason: TeardownReason, now: number): void;
  /** A pre-warmed instance served its first request. */
  prewarmHit?(inst: Instance, now: number): void;
  /** A pre-warm found no node with room. */
  prewarmFailed?(fn: number, now: number): void;
}
