// Turns a distribution as written in a scenario into a sampler over microseconds.
import { Constant, Empirical, Exponential, LogNormal, Uniform, type Distribution } from '../engine/distributions.ts';
import { parseDuration, type Quantity } from '../engine/units.ts';
import type { DistributionInput, PayloadInput } from './schema.ts';
import { parseSize } from '../engine/units.ts';

export function buildDistribution(spec: DistributionInput): Distribution {
  if (typeof spec === 'number' || typeof spec === 'string') return new Constant(parseDuration(spec));
  if ('constant' in spec) return new Constant(parseDuration(spec.constant));
  if ('exponential' in spec) return new Exponential(parseDuration(spec.exponential.mean));
  if ('lognormal' in spec) return new LogNormal(parseDuration(spec.lognormal.median), spec.lognormal.sigma);
  if ('uniform' in spec) return new Uniform(parseDuration(spec.uniform.min), parseDuration(spec.uniform.max));
  return new Empirical(spec.empirical.map(([p, v]: [number, Quantity]) => [p, parseDuration(v)] as const));
}

/** A payload size distribution in bytes. */
export function buildPayload(spec: PayloadInput): Distribution {
  if (typeof spec === 'number' || typeof spec === 'string') return new Constant(parseSize(spec));
  if ('lognormal' in spec) return new LogNormal(parseSize(spec.lognormal.median), spec.lognormal.sigma);
  return new Uniform(parseSize(spec.uniform.min), parseSize(spec.uniform.max));
}
