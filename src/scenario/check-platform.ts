// Semantic checks of the provider-preset settings (platform block and deployment).
import type { InputProblem } from '../input/errors.ts';
import { distributionProblem } from './distributions.ts';
import { presetRuntimes } from './providers.ts';
import type { ResolvedScenario } from './schema.ts';

export function platformProblems(s: ResolvedScenario, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (where: string, message: string) => problems.push({ file, where, message });
  const p = s.platform;
  if (p.frontEnd !== undefined) {
    const problem = distributionProblem(p.frontEnd);
    if (problem) add('platform.frontEnd', problem);
  }
  const d = s.deployment;
  if (d !== undefined) {
    if (s.coldStart.mode !== 'delay') {
      add(
        'deployment',
        `a deployment block gives the cold-start mechanism (fetch + runtime start); coldStart.mode "${s.coldStart.mode}" cannot apply as well (remove one)`,
      );
    }
    if (d.runtimeStart === undefined) {
      const provider = p.provider ?? 'none';
      const known = provider === 'none' ? [] : presetRuntimes(provider);
      add(
        'deployment.runtimeStart',
        provider === 'none'
          ? 'required: the runtime start time distribution'
          : `preset ${provider} has no calibrated runtime start for ${d.runtime}/${d.packaging} (it has: ${known.join(', ') || 'none'}); give deployment.runtimeStart`,
      );
    } else {
      const problem = distributionProblem(d.runtimeStart);
      if (problem) add('deployment.runtimeStart', problem);
    }
  }
  return problems;
}
