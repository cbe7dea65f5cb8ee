// The package's public API (`import { simulate } from 'serverless-dc-sim'`): run a scenario given
// as a plain object, as a scenario file holds it, and get its summary, per-function rows and time
// series back; optionally write the run folder. Everything here is what the CLI itself uses.
import { simulate as simulateResolved, type Result, type SimulateOptions } from './simulate.ts';
import { validateScenario } from './scenario/load.ts';
import type { ResolvedScenario, ScenarioInput } from './scenario/schema.ts';

export { simulateResolved, validateScenario };
export { loadScenarioFile, type LoadOptions } from './scenario/load.ts';
export { InputError, type InputProblem } from './input/errors.ts';
export { Interrupted, type Progress, type Result, type SimulateOptions } from './simulate.ts';
export { TOOL_VERSION } from './version.ts';
export type { ResolvedScenario, ScenarioInput };

/**
 * Validates `scenario` (the JSON of a scenario file, with unit strings such as "10m" or
 * "256MiB") and runs it. Bad input throws an InputError listing every problem with its path.
 * `name` is what messages call the scenario (default `<scenario>`).
 */
export async function simulate(scenario: ScenarioInput, options: SimulateOptions & { readonly name?: string } = {}): Promise<Result> {
  return simulateResolved(validateScenario(scenario, options.name ?? '<scenario>'), options);
}
