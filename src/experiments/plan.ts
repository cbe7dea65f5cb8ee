// A sweep expanded and validated: every run with its id, folder, axis values, seed and resolved
// scenario, plus a hash of all of it that ties shard outputs to the same sweep.
import { createHash } from 'node:crypto';
import type { ResolvedScenario } from '../scenario/schema.ts';
import { TOOL_VERSION } from '../version.ts';

export interface PlannedRun {
  /** Position in the sweep's run order, 0-based. */
  readonly index: number;
  /** `run-0007`: unique inside the sweep. */
  readonly id: string;
  /** Folder under `<out>/runs/`: the id plus a readable slug. */
  readonly folder: string;
  readonly seed: number;
  /** One value per axis, in axis order. */
  readonly values: readonly unknown[];
  readonly scenario: ResolvedScenario;
}

export interface SweepPlan {
  readonly name: string;
  /** The sweep file, for messages only (not hashed). */
  readonly file: string;
  /** Scenario paths of the axes, in file order (the results.csv columns). */
  readonly axes: readonly string[];
  /** Extra summary paths for results.csv. */
  readonly metrics: readonly string[];
  readonly runs: readonly PlannedRun[];
  /** sha256 of the expanded sweep (see planHash). */
  readonly hash: string;
}

/**
 * Hashes what decides the outputs: tool version, name, columns and every run's resolved
 * scenario. File locations are left out so shards run on different machines agree.
 */
export function planHash(name: string, axes: readonly string[], metrics: readonly string[], runs: readonly Omit<PlannedRun, 'index'>[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: 1, toolVersion: TOOL_VERSION, name, axes, metrics }));
  for (const r of runs) h.update('\n' + JSON.stringify([r.id, r.folder, r.seed, r.values, r.scenario]));
  return h.digest('hex');
}
