// Resume: a run folder is complete when it has summary.json and holds the run we would do now
// (its scenario.resolved.json matches, written by this tool version). Run folders are renamed into place only when finished,
// so what is left of an interrupted run is a `.tmp-<folder>-*` sibling, removed before redoing it (metrics/run-folder.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedScenario } from '../scenario/schema.ts';
import { TOOL_VERSION } from '../version.ts';

function withoutResolved(s: unknown): string {
  if (s === null || typeof s !== 'object') return JSON.stringify(s);
  const { resolved: _ignored, ...rest } = s as Record<string, unknown>;
  return JSON.stringify(rest);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when `dir` holds a finished run of exactly this scenario. */
export function isCompleteRun(dir: string, scenario: ResolvedScenario): boolean {
  if (!existsSync(join(dir, 'summary.json')) || readJson(join(dir, 'summary.json')) === undefined) return false;
  const written = readJson(join(dir, 'scenario.resolved.json')) as { resolved?: { toolVersion?: unknown } } | undefined;
  // The tool adds `resolved` (version, canonical names) to the file; the rest is the scenario.
  return written?.resolved?.toolVersion === TOOL_VERSION && withoutResolved(written) === withoutResolved(JSON.parse(JSON.stringify(scenario)));
}
