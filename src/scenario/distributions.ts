// Turns a distribution as written in a scenario into a sampler over microseconds.
import { Constant, Empirical, Exponential, LogNormal, Uniform, type Distribution } from '../engine/distributions.ts';
import { parseDuration, type Quantity } from '../engine/units.ts';
import type { DistributionInput } from './schema.ts';

export function buildDistribution(spec: DistributionInput): Distribution {
  if (typeof spec === 'number' || typeof spec === 'string') return new Constant(parseDuration(spec));
  if ('constant' in spec) return new Constant(parseDuration(spec.constant));
  if ('exponential' in spec) return new Exponential(parseDuration(spec.exponential.mean));
  if ('lognormal' in spec) return new LogNormal(parseDuration(spec.lognormal.median), spec.lognormal.sigma);
  if ('uniform' in spec) return new Uniform(parseDuration(spec.uniform.min), parseDuration(spec.uniform.max));
  return new Empirical(spec.empirical.map(([p, v]: [number, Quantity]) => [p, parseDuration(v)] as const));
}
