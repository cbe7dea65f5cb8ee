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

/** Device-time share of each class (Σ <= 1), in the same order. */
export function mvaShares(classes: readonly MvaClass[], out: number[] = []): number[] {
  const n = classes.length;
  out.length = n;
  if (n === 0) return out;
  const q = new Float64Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const c = classes[j]!;
    q[j] = c.opWorkUs / (c.delayUs + c.opWorkUs);
    sum += q[j]!;
  }
  // Fixed-point iteration with damping; converges in a few dozen rounds for the loads we see.
  for (let it = 0; it < 500; it++) {
    let next = 0;
    let change = 0;
    for (let j = 0; j < n; j++) {
      const c = classes[j]!;
      const r = c.opWorkUs * (1 + sum - q[j]!);
      const qj = r / (c.delayUs + r);
      const v = 0.5 * q[j]! + 0.5 * qj;
      change = Math.max(change, Math.abs(v - q[j]!));
      q[j] = v;
      next += v;
    }
    sum = next;
    if (change < 1e-12) break;
  }
  let total = 0;
  for (let j = 0; j < n; j++) {
    const c = classes[j]!;
    const r = c.opWorkUs * (1 + sum - q[j]!);
    out[j] = c.opWorkUs / (c.delayUs + r); // X_j · τ_j
    total += out[j]!;
  }
  if (total > 1) for (let j = 0; j < n; j++) out[j] = out[j]! / total;
  return out;
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
