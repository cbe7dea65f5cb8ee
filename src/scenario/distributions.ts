// Turns a distribution as written in a scenario into a sampler over microseconds.
import { Constant, Empirical, Exponential, LogNormal, Uniform, type Distribution } from '../engine/distributions.ts';
import { parseDuration, type Quantity } from '../engine/units.ts';
import type { DistributionInput, PayloadInput } from './schema.ts';
import { parseSize } from '../engine/units.ts';
import { MAX_NORMAL_DRAW, MAX_SIZE_BYTES, MAX_SIZE_TEXT, SAFE_LIMIT } from '../input/limits.ts';

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

/** Largest draw of a lognormal: the sampler's normal draws are bounded (see limits.ts). */
function lognormalMax(median: number, sigma: number): number {
  return median * Math.exp(sigma * MAX_NORMAL_DRAW);
}

/**
 * Why a time distribution cannot be used, or null. Its draws become event times, so the largest
 * possible draw must stay a safe integer number of microseconds.
 */
export function distributionProblem(spec: DistributionInput): string | null {
  try {
    buildDistribution(spec);
  } catch (e) {
    return (e as Error).message;
  }
  if (typeof spec === 'object' && 'lognormal' in spec) {
    const top = lognormalMax(parseDuration(spec.lognormal.median), spec.lognormal.sigma);
    if (!(top <= SAFE_LIMIT)) {
      return `lognormal median ${spec.lognormal.median} with sigma ${spec.lognormal.sigma} can draw ${top.toExponential(2)} us, past the ${SAFE_LIMIT} us (285 years) an event time can hold; lower sigma`;
    }
  }
  return null;
}

/** Why a payload distribution cannot be used, or null; its draws must stay <= 1 TiB. */
export function payloadProblem(spec: PayloadInput): string | null {
  try {
    buildPayload(spec);
  } catch (e) {
    return (e as Error).message;
  }
  if (typeof spec === 'object' && 'lognormal' in spec) {
    const top = lognormalMax(parseSize(spec.lognormal.median), spec.lognormal.sigma);
    if (!(top <= MAX_SIZE_BYTES)) {
      return `lognormal median ${spec.lognormal.median} with sigma ${spec.lognormal.sigma} can draw ${top.toExponential(2)} bytes, past ${MAX_SIZE_TEXT}; lower sigma`;
    }
  }
  return null;
}
