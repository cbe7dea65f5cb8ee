// Where a minute's N trace arrivals fall inside the minute. Follows the vHive (In-Vitro) trace
// loader (pkg/generator/specification.go: exponential / uniform / equidistant gaps scaled to fill
// the minute, optional ShiftIAT rotation) and FaasCache's evenly spaced placement (start + i*60s/N).
import type { RandomStream } from '../engine/random.ts';
import type { ArrivalMode } from './trace-types.ts';

export const MINUTE_US = 60_000_000;

export const ARRIVAL_MODES: readonly ArrivalMode[] = ['exponential', 'uniform', 'equidistant', 'faascache'];

/** Canonical name echoed in reports, e.g. `exponential(shift=true)`. */
export function arrivalName(mode: ArrivalMode, shift: boolean): string {
  return mode === 'faascache' ? 'faascache' : `${mode}(shift=${shift})`;
}

/**
 * Writes `n` integer offsets in [0, MINUTE_US), ascending, into out[0..n).
 *
 * Unshifted, the first arrival is at offset 0 and arrival k is at the sum of the first k gaps,
 * the gaps (n draws, Exp(1) or U[0,1), or all equal) being scaled so that all n sum to one
 * minute: the n-th gap ends exactly at the next minute's start. Shifted, the pattern is rotated
 * on the minute's circle by a uniform offset s drawn after the gaps (the loader's "cut at a random
 * place"): arrival p moves to p - s, or p - s + 60 s when p < s. 'faascache' is the equidistant
 * pattern and is never shifted. Offsets are floored to whole microseconds.
 */
export function placeInMinute(mode: ArrivalMode, n: number, shift: boolean, rng: RandomStream, out: Float64Array): void {
  if (n <= 0) return;
  if (mode === 'equidistant' || mode === 'faascache') {
    const step = MINUTE_US / n;
    for (let k = 0; k < n; k++) out[k] = k * step;
  } else {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      out[k] = sum;
      // 1 - u is in (0, 1]: a finite log; a zero gap is possible and harmless here.
      sum += mode === 'exponential' ? -Math.log(1 - rng.next()) : rng.next();
    }
    // All-zero gaps (uniform draws of exactly 0) would divide by zero: fall back to offset 0.
    const scale = sum > 0 ? MINUTE_US / sum : 0;
    for (let k = 0; k < n; k++) out[k] = out[k]! * scale;
  }
  if (shift && mode !== 'faascache') rotate(out, n, rng.next() * MINUTE_US);
  for (let k = 0; k < n; k++) {
    const v = Math.floor(out[k]!);
    out[k] = v < 0 ? 0 : v >= MINUTE_US ? MINUTE_US - 1 : v;
  }
  // Flooring and clamping keep the order except for float noise at the wrap point: enforce it.
  for (let k = 1; k < n; k++) if (out[k]! < out[k - 1]!) out[k] = out[k - 1]!;
}

/** Rotates ascending positions by -s on the minute circle, keeping them ascending (in place). */
function rotate(out: Float64Array, n: number, s: number): void {
  let j = 0;
  while (j < n && out[j]! < s) j++;
  for (let k = 0; k < n; k++) out[k] = k < j ? out[k]! + MINUTE_US - s : out[k]! - s;
  // Elements [j, n) are now the smallest: rotate left by j with three reversals (no allocation).
  reverse(out, 0, j);
  reverse(out, j, n);
  reverse(out, 0, n);
}

function reverse(a: Float64Array, from: number, to: number): void {
  for (let i = from, k = to - 1; i < k; i++, k--) {
    const t = a[i]!;
    a[i] = a[k]!;
    a[k] = t;
  }
}
