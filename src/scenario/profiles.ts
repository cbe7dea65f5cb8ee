// Function presets by calibrated profile name (e.g. `reap/helloworld`): the facts a scenario
// takes from a profile when it does not give them itself.
import type { Distribution } from '../engine/distributions.ts';

export interface ProfileDefaults {
  readonly memoryMiB: number;
  readonly execution: Distribution;
}

const registry = new Map<string, () => ProfileDefaults>();

export function registerProfiles(entries: Iterable<[string, () => ProfileDefaults]>): void {
  for (const [name, get] of entries) registry.set(name, get);
}

export function profileDefaults(name: string): ProfileDefaults | undefined {
  return registry.get(name)?.();
}

export function profileNames(): string[] {
  return [...registry.keys()].sort();
}
