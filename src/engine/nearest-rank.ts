// Nearest-rank quantile of an ascending array: the smallest sample with at least a fraction q of
// the samples at or below it (no interpolation, so a reported percentile is always a real sample).

/** The nearest-rank quantile (q in [0, 1]) of a non-empty ascending array. */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
