// The Knative Pod Autoscaler (KPA): every tick (2 s) it averages each revision's observed
// concurrency over a stable window (60 s) and a panic window (6 s); desired pods = ceil(average /
// target). It enters panic mode when the panic-window desire reaches the panic threshold (200%)
// of the ready pods, and then never scales down until the stable window has passed without panic.
// Each tick's desire is kept within [floor(ready / max scale-down rate), ceil(max scale-up rate x
// ready)]; a revision goes to zero only after its desire has been zero for the scale-to-zero
// grace period. The activator starts the first pod on a request to a revision at zero (scale
// from zero). Follows knative.dev/serving pkg/autoscaler.
import type { FunctionView } from '../../model/views.ts';
import type { AutoscalerPolicy, DemandView, TickView } from '../../model/policy-interfaces.ts';

export interface KpaParams {
  readonly tickUs: number;
  readonly stableUs: number;
  readonly panicUs: number;
  /** Panic threshold as a fraction (2 = 200%). */
  readonly panicThreshold: number;
  /** Target concurrency per pod, as a fraction of the function's concurrency (Knative: 70%). */
  readonly targetUtilization: number;
  /** Max scale-up rate per tick, a multiple of the ready pods (Knative: 1000). */
  readonly maxScaleUpRate: number;
  /** Max scale-down rate per tick, a divisor of the ready pods (Knative: 2). */
  readonly maxScaleDownRate: number;
  readonly scaleToZeroGraceUs: number;
  readonly text: string;
}

class RevisionState {
  /** Ring of per-tick average concurrencies, newest at `head - 1`. */
  readonly samples: Float64Array;
  head = 0;
  filled = 0;
  panicking = false;
  panicSince = -1;
  /** Desired pods while panicking never falls below this. */
  maxPanicPods = 0;
  /** Since when the desire has been zero (-1: not zero). */
  zeroSince = -1;

  constructor(n: number) {
    this.samples = new Float64Array(n);
  }

  push(v: number): void {
    this.samples[this.head] = v;
    this.head = (this.head + 1) % this.samples.length;
    if (this.filled < this.samples.length) this.filled++;
  }

  /** Mean of the newest `k` samples (fewer if not yet filled). */
  mean(k: number): number {
    const n = Math.min(k, this.filled);
    if (n === 0) return 0;
    let s = 0;
    for (let i = 1; i <= n; i++) s += this.samples[(this.head - i + this.samples.length) % this.samples.length]!;
    return s / n;
  }
}

export class KnativePodAutoscaler implements AutoscalerPolicy {
  readonly name: string;
  readonly tickInterval: number;
  private readonly state = new Map<number, RevisionState>();
  private readonly stableTicks: number;
  private readonly panicTicks: number;
  panicEntries = 0;

  constructor(readonly p: KpaParams) {
    if (!(p.tickUs > 0 && p.panicUs >= p.tickUs && p.stableUs >= p.panicUs)) {
      throw new Error('kpa: need 0 < tick <= panic window <= stable window');
    }
    // As Knative's config validation: a rate of 1 or less would freeze or invert scaling.
    if (!(p.maxScaleUpRate > 1)) throw new Error(`kpa: maxScaleUp must be > 1, got ${p.maxScaleUpRate}`);
    if (!(p.maxScaleDownRate > 1)) throw new Error(`kpa: maxScaleDown must be > 1, got ${p.maxScaleDownRate}`);
    this.name = `kpa(${p.text})`;
    this.tickInterval = p.tickUs;
    this.stableTicks = Math.round(p.stableUs / p.tickUs);
    this.panicTicks = Math.round(p.panicUs / p.tickUs);
  }

  /** On arrivals only the activator acts: the first pod of a revision at zero. */
  instancesToStart(_fn: FunctionView, demand: DemandView): number {
    return demand.instances === 0 && demand.queued > 0 ? 1 : 0;
  }

  isPanicking(fn: number): boolean {
    return this.state.get(fn)?.panicking ?? false;
  }

  onTick(fn: FunctionView, view: TickView, now: number): number {
    let st = this.state.get(fn.index);
    if (!st) {
      st = new RevisionState(this.stableTicks);
      this.state.set(fn.index, st);
    }
    st.push(view.concurrency);
    const target = Math.max(1e-9, fn.concurrency * this.p.targetUtilization);
    const stableWanted = Math.ceil(st.mean(this.stableTicks) / target - 1e-9);
    const panicWanted = Math.ceil(st.mean(this.panicTicks) / target - 1e-9);
    // Knative counts ready pods (at least one) for the panic threshold and both rate limits.
    const ready = Math.max(1, view.ready);
    const maxUp = Math.ceil(this.p.maxScaleUpRate * ready);
    const maxDown = Math.floor(ready / this.p.maxScaleDownRate);
    const stableDesired = Math.min(Math.max(stableWanted, maxDown), maxUp);
    const panicDesired = Math.min(Math.max(panicWanted, maxDown), maxUp);
    const overThreshold = panicWanted / ready >= this.p.panicThreshold;
    if (!st.panicking && overThreshold) {
      st.panicking = true;
      st.panicSince = now;
      st.maxPanicPods = 0;
      this.panicEntries++;
    } else if (st.panicking && overThreshold) {
      st.panicSince = now; // still over the threshold: the panic window restarts
    } else if (st.panicking && now - st.panicSince > this.p.stableUs) {
      st.panicking = false;
    }
    let desired = stableDesired;
    if (st.panicking) {
      // Knative: in panic the larger of the two desires, never below what panic already asked.
      st.maxPanicPods = Math.max(st.maxPanicPods, panicDesired, stableDesired);
      // Nor below the pods there are: a scale-down can only retire idle (ready) instances here,
      // where Kubernetes would remove pods still starting first.
      desired = Math.max(st.maxPanicPods, view.instances);
    }
    // Requests in flight keep at least one pod; zero only after the grace period.
    if (desired === 0 && (view.queued > 0 || view.concurrency > 0)) desired = 1;
    if (desired === 0 && view.instances > 0) {
      if (st.zeroSince < 0) st.zeroSince = now;
      if (now - st.zeroSince < this.p.scaleToZeroGraceUs) desired = Math.min(1, view.instances);
    } else {
      st.zeroSince = -1;
    }
    if (desired === 0 && view.instances === 0 && st.filled > 0 && st.mean(this.stableTicks) === 0) {
      this.state.delete(fn.index); // forget revisions that went to zero
    }
    return desired;
  }

  forget(fn: FunctionView): void {
    this.state.delete(fn.index);
  }

  stats(): Record<string, number> {
    return { panicEntries: this.panicEntries };
  }
}
