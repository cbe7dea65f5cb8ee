// Function presets by calibrated profile name (e.g. `reap/helloworld`): the facts a scenario
// takes from a profile when it does not give them itself (guest memory, warm execution time).
import { Constant, type Distribution } from '../engine/distributions.ts';
import { getFunctionProfile, listFunctionProfiles } from '../model/coldstart/profiles.ts';

export interface ProfileDefaults {
  readonly memoryMiB: number;
  readonly execution: Distribution;
}

export function profileDefaults(name: string): ProfileDefaults | undefined {
  if (!name.startsWith('reap/')) return undefined;
  const p = getFunctionProfile(name);
  if (!p) return undefined;
  // The paper publishes means only, so the warm time is constant unless the scenario says otherwise.
  return { memoryMiB: p.memoryMiB, execution: new Constant(p.warmExecutionUs) };
}

export function profileNames(): string[] {
  return listFunctionProfiles();
}
