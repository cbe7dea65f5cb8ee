// Which trace functions a run replays: random N, representative N (equal draws from the four
// popularity quartiles, as FaasCache's gen_representative_trace.py), top-K by invocations, or all.
import type { RandomStream } from '../engine/random.ts';
import type { SampleSpec } from './trace-types.ts';

/**
 * Indices (ascending) of the chosen functions among `totals.length` candidates. Deterministic for
 * a given stream state; ties in popularity are broken by index, never by iteration order.
 */
export function sampleFunctions(totals: ArrayLike<number>, spec: SampleSpec | undefined, rng: RandomStream): number[] {
  const n = totals.length;
  const all = (): number[] => Array.from({ length: n }, (_, i) => i);
  if (!spec || 'all' in spec) return all();
  if ('random' in spec) return pickRandom(all(), checkCount(spec.random, 'random'), rng);
  if ('top' in spec) {
    const k = checkCount(spec.top, 'top');
    return byPopularity(totals)
      .reverse()
      .slice(0, k)
      .sort((a, b) => a - b);
  }
  return representative(totals, checkCount(spec.representative, 'representative'), rng);
}

function checkCount(k: number, what: string): number {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`sample.${what} must be a non-negative integer, got ${k}`);
  return k;
}

/** Ascending by (total, index). */
function byPopularity(totals: ArrayLike<number>): number[] {
  const idx = Array.from({ length: totals.length }, (_, i) => i);
  // Reversing later must put the lower index first among equals at the top: sort by (total, -index).
  return idx.sort((a, b) => totals[a]! - totals[b]! || b - a);
}

/** k distinct items by a partial Fisher-Yates shuffle; result ascending. */
export function pickRandom(items: number[], k: number, rng: RandomStream): number[] {
  const a = items.slice();
  const m = Math.min(k, a.length);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng.next() * (a.length - i));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a.slice(0, m).sort((x, y) => x - y);
}

/**
 * Quartiles by popularity rank: function at rank r (ascending total, ties by index) is in quartile
 * floor(4r/n). Each quartile gives floor(k/4) functions at random, the k mod 4 left over come from
 * the most popular quartiles first. FaasCache splits by quartile *values* with inclusive bounds,
 * which can pick a tied function twice; ranks keep the quartiles disjoint and equally sized.
 */
export function representative(totals: ArrayLike<number>, k: number, rng: RandomStream): number[] {
  const q = popularityQuartiles(totals);
  const quartiles: number[][] = [[], [], [], []];
  for (let i = 0; i < q.length; i++) quartiles[q[i]!]!.push(i);
  const out: number[] = [];
  for (let q = 3; q >= 0; q--) {
    const want = Math.floor(k / 4) + (3 - q < k % 4 ? 1 : 0);
    // A loop, not push(...): a quartile of a large trace has more entries than a call takes arguments.
    for (const i of pickRandom(quartiles[q]!, want, rng)) out.push(i);
  }
  return out.sort((a, b) => a - b);
}

/** Quartile (0 = least popular) of each index, by the same rank rule as `representative`. */
export function popularityQuartiles(totals: ArrayLike<number>): Int8Array {
  const order = Array.from({ length: totals.length }, (_, i) => i).sort((a, b) => totals[a]! - totals[b]! || a - b);
  const q = new Int8Array(totals.length);
  order.forEach((i, r) => (q[i] = Math.floor((4 * r) / order.length)));
  return q;
}
