// Builds the provider-preset parts of a simulation (docs/providers.md): the platform's front-end,
// cold binding, instance queue and scale-out rate, and the fetch + runtime-start cold-start path.
import type { RandomStreams } from '../engine/random.ts';
import type { Simulator } from '../engine/simulator.ts';
import { parseBandwidth, parseDuration, parseRate, parseSize } from '../engine/units.ts';
import { FetchStartPath } from '../model/coldstart/fetch-path.ts';
import type { FunctionSpec } from '../model/function.ts';
import type { ProviderPlatformConfig } from '../model/platform.ts';
import { buildDistribution } from './distributions.ts';
import type { ResolvedScenario } from './schema.ts';

/** The platform's provider settings, or nothing when the scenario uses none of them. */
export function providerConfig(s: ResolvedScenario): { provider?: ProviderPlatformConfig } {
  const p = s.platform;
  const used =
    p.coldBinding !== undefined ||
    p.propagation !== undefined ||
    p.frontEnd !== undefined ||
    p.instanceParallelism !== undefined ||
    p.maxScaleOutRate !== undefined ||
    p.scaleOutUnit !== undefined;
  if (!used) return {};
  return {
    provider: {
      propagationUs: p.propagation !== undefined ? parseDuration(p.propagation) : 0,
      frontEnd: p.frontEnd !== undefined ? buildDistribution(p.frontEnd) : null,
      bound: p.coldBinding === 'bound',
      instanceParallelism: p.instanceParallelism ?? 0,
      scaleOutGapUs: p.maxScaleOutRate !== undefined ? Math.ceil(1e6 / parseRate(p.maxScaleOutRate)) : 0,
      scaleOutPerApp: p.scaleOutUnit === 'app',
    },
  };
}

export function buildFetchPath(
  d: NonNullable<ResolvedScenario['deployment']>,
  sim: Simulator,
  rng: RandomStreams,
  functions: readonly FunctionSpec[],
): FetchStartPath {
  return new FetchStartPath(
    { sim, rng },
    {
      runtime: d.runtime,
      packaging: d.packaging,
      sizeBytes: parseSize(d.size),
      storeBitsPerSec: parseBandwidth(d.storeBandwidth),
      fetchSigma: d.fetchSigma,
      runtimeStart: buildDistribution(d.runtimeStart!),
      overrides: functions.map((f) => f.coldStartDelay),
      functionNames: functions.map((f) => f.name),
    },
  );
}
