// How jobs share one device: approximate mean-value analysis (Bard-Schweitzer) of a closed network
// with one customer per job. Each job alternates a delay that does not use the device (CPU between
// faults, flash latency overlapped with other commands) and an operation that does (service τ, shared
// by processor sharing). An operation arriving at the device finds the others' mean queue: its time
// there is τ·(1 + Σ other queues). Gives a smooth slowdown as load grows and never lets the device
// deliver more than one unit of work per unit of time.

export interface MvaClass {
  /** Time per cycle away from the device (us). */
  readonly delayUs: number;
  /** Device time per operation (us). */
  readonly opWorkUs: number;
}

/**
 * Device-time share of each job (sum <= 1), in the same order. Jobs with the same parameters are
 * symmetric, so the fixed point is solved per distinct class with its multiplicity: many
 * concurrent cold starts of similar functions cost O(classes), not O(jobs), per iteration.
 */
export function mvaShares(classes: readonly MvaClass[], out: number[] = []): number[] {
  const n = classes.length;
  out.length = n;
  if (n === 0) return out;
  // Group identical classes (first-seen order keeps the result deterministic). Scratch arrays are
  // reused across calls: this runs on every cold-start job change and must not allocate.
  const s = scratch(n);
  const { groupOf, delay, work, mult, q, share } = s;
  let k = 0;
  for (let j = 0; j < n; j++) {
    const c = classes[j]!;
    const d = c.delayUs;
    const w = c.opWorkUs;
    let g = 0;
    // Few distinct classes share a device at once: a linear probe beats hashing.
    while (g < k && !(delay[g] === d && work[g] === w)) g++;
    if (g === k) {
      delay[k] = d;
      work[k] = w;
      mult[k] = 0;
      k++;
    }
    mult[g]!++;
    groupOf[j] = g;
  }
  let sum = 0;
  for (let g = 0; g < k; g++) {
    q[g] = work[g]! / (delay[g]! + work[g]!);
    sum += mult[g]! * q[g]!;
  }
  // Fixed-point iteration with damping; converges in a few dozen rounds for the loads we see.
  for (let it = 0; it < 500; it++) {
    let next = 0;
    let change = 0;
    for (let g = 0; g < k; g++) {
      const r = work[g]! * (1 + sum - q[g]!);
      const qg = r / (delay[g]! + r);
      const v = 0.5 * q[g]! + 0.5 * qg;
      change = Math.max(change, Math.abs(v - q[g]!));
      q[g] = v;
      next += mult[g]! * v;
    }
    sum = next;
    if (change < 1e-12) break;
  }
  let total = 0;
  for (let g = 0; g < k; g++) {
    const r = work[g]! * (1 + sum - q[g]!);
    share[g] = work[g]! / (delay[g]! + r); // X_g * tau_g per job
    total += mult[g]! * share[g]!;
  }
  const scale = total > 1 ? 1 / total : 1;
  for (let j = 0; j < n; j++) out[j] = share[groupOf[j]!]! * scale;
  return out;
}

interface Scratch {
  groupOf: Int32Array;
  delay: Float64Array;
  work: Float64Array;
  mult: Float64Array;
  q: Float64Array;
  share: Float64Array;
}

let shared: Scratch | null = null;

function scratch(n: number): Scratch {
  if (shared === null || shared.groupOf.length < n) {
    const cap = Math.max(64, 2 ** Math.ceil(Math.log2(n)));
    shared = {
      groupOf: new Int32Array(cap),
      delay: new Float64Array(cap),
      work: new Float64Array(cap),
      mult: new Float64Array(cap),
      q: new Float64Array(cap),
      share: new Float64Array(cap),
    };
  }
  return shared;
}

/**
 * Device time per 4 KB read (us) such that `qd` zero-think readers with per-read latency
 * `latencyUs` alone together reach `iops` — how we turn a fio point (e.g. 360 MB/s at 16
 * outstanding) into the device's service time. Bisection on a monotone function.
 */
export function fitOpWork(latencyUs: number, qd: number, iops: number): number {
  const target = iops / 1e6; // ops per us
  const rate = (tau: number): number => {
    const cls = Array.from({ length: qd }, () => ({ delayUs: latencyUs - tau, opWorkUs: tau }));
    const shares = mvaShares(cls);
    return shares.reduce((a, b) => a + b, 0) / tau;
  };
  let lo = 1e-6;
  let hi = latencyUs;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (rate(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
