// The model's runtime invariants, checked where the state changes anyway: memory a node holds,
// CPU and device time delivered against what can be delivered, and every arrival ending once.
// Each check is a compare or two per state change; the report is built only on failure.
import { violated } from '../engine/invariant.ts';

/** Which invariant broke (InvariantViolation.invariant). */
export const INVARIANT = {
  nodeMemory: 'node memory within capacity',
  cpuTime: 'CPU delivers at most cores x elapsed time',
  deviceTime: 'device delivers at most 1 us per busy us',
  endsOnce: 'an invocation ends once',
  arrivalsEnded: 'every arrival ends exactly once',
} as const;

/**
 * Float slack of the sums checked (relative to the limit, plus an absolute floor): sums of
 * products of float rates and integer times drift by a few ulps per term, a genuine overrun is
 * orders of magnitude larger.
 */
export const RELATIVE_TOLERANCE = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-6;

/** Checks memory in use (MiB) after a node's reservation changed: within [0, capacity]. */
export function checkNodeMemory(node: number, usedMiB: number, capacityMiB: number, now: number): void {
  const slack = capacityMiB * RELATIVE_TOLERANCE + ABSOLUTE_TOLERANCE;
  if (usedMiB > capacityMiB + slack || usedMiB < -slack) {
    violated(INVARIANT.nodeMemory, now, { node, usedMiB, capacityMiB });
  }
}

/**
 * Work a resource has delivered since t=0, against `perUs` units of work per us of a span (its
 * busy time, or all elapsed time): a CPU's cores, a device's one us of device time per us.
 */
export class DeliveryMeter {
  delivered = 0;

  constructor(
    private readonly invariant: string,
    /** Which node or device (reported). */
    readonly index: number,
    /** Work deliverable per us (Infinity: unchecked, e.g. a CPU that ignores contention). */
    readonly perUs: number,
  ) {}

  /** Credits `amount` delivered; the total must stay within perUs x `spanUs`. */
  add(amount: number, spanUs: number, now: number): void {
    const d = (this.delivered += amount);
    // Infinity x 0 is NaN, and a comparison with NaN is false: an unchecked meter never fails.
    if (d > this.perUs * spanUs * (1 + RELATIVE_TOLERANCE) + ABSOLUTE_TOLERANCE) this.fail(spanUs, now);
  }

  private fail(spanUs: number, now: number): never {
    return violated(this.invariant, now, {
      index: this.index,
      delivered: this.delivered,
      limit: this.perUs * spanUs,
      perUs: this.perUs,
      spanUs,
    });
  }
}

/** Raised when an invocation that already ended ends again (its outcome code was not pending). */
export function endedTwice(invocation: number, outcome: number, now: number): never {
  return violated(INVARIANT.endsOnce, now, { invocation, outcome });
}

export interface EndCounts {
  readonly arrivals: number;
  readonly completed: number;
  readonly dropped: number;
  readonly failed: number;
  /** Arrivals the platform still counts as in flight. */
  readonly inFlight: number;
}

/** At the end of a run: nothing in flight, and arrivals = completed + dropped + failed. */
export function checkArrivalsEnded(c: EndCounts, now: number): void {
  if (c.inFlight !== 0 || c.arrivals !== c.completed + c.dropped + c.failed) {
    violated(INVARIANT.arrivalsEnded, now, { ...c });
  }
}
