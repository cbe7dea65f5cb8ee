// Poisson counts for the generator: multiplication method for small means, a rounded normal
// approximation above 30 (the per-minute counts of popular functions; exactness there is moot).
import { standardNormal } from '../../engine/distributions.ts';
import type { RandomStream } from '../../engine/random.ts';

export function poisson(mean: number, rng: RandomStream): number {
  if (!(mean > 0)) return 0;
  if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

export function normal(rng: RandomStream): number {
  return standardNormal(rng);
}
