// Running the repository's example scenarios for figures: load with `--set`-style overrides,
// simulate(), and fail loudly if a run dropped or failed requests the figure assumes complete.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadScenarioFile } from '../../scenario/load.ts';
import { simulate, type Result, type SimulateOptions } from '../../simulate.ts';
import { FUNCTION_COLUMNS } from '../../metrics/summary.ts';

/** The repository root (this file is src/experiments/figures/runs.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);

/** Loads `scenarios/<file>` with overrides and runs it through the public simulate() API. */
export async function runScenario(file: string, sets: readonly string[], options: SimulateOptions = {}): Promise<Result> {
  const scenario = loadScenarioFile(repoPath('scenarios', file), { sets });
  return simulate(scenario, options);
}

/** Index of a column of `result.functions` (see FUNCTION_COLUMNS). */
export function functionColumn(name: (typeof FUNCTION_COLUMNS)[number]): number {
  return FUNCTION_COLUMNS.indexOf(name);
}

/** Throws unless every arrival completed: a dropped cold start would otherwise vanish from a mean. */
export function requireAllCompleted(result: Result, what: string): void {
  const inv = result.summary.invocations;
  if (inv.completed !== inv.arrivals || inv.dropped.total !== 0 || inv.failed.total !== 0) {
    throw new Error(
      `${what}: ${inv.arrivals} arrivals but ${inv.completed} completed (${inv.dropped.total} dropped, ${inv.failed.total} failed)`,
    );
  }
}
