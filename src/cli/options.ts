// Checks of numeric command-line options. yargs turns `--seed abc` into NaN and accepts 1.5,
// -3 or Infinity for a `number` option, so every numeric option is checked here, by name, before
// a command does any work (a bad value is exit 2 and nothing written).
import { InputError, type InputProblem } from '../input/errors.ts';

export interface IntRange {
  readonly min: number;
  readonly max: number;
  /** What is expected, for the message ("a whole number of worker threads"). */
  readonly what: string;
}

/** Why `value` is not a whole number in [min, max], or null when it is (undefined: not given). */
export function intProblem(option: string, value: unknown, range: IntRange): InputProblem | null {
  if (value === undefined) return null;
  const ok = typeof value === 'number' && Number.isSafeInteger(value) && value >= range.min && value <= range.max;
  if (ok) return null;
  // Arrays: the option was given twice (yargs collects them); show what was typed.
  const shown = Array.isArray(value) ? `given ${value.length} times` : typeof value === 'number' && Number.isNaN(value) ? 'not a number' : String(value);
  const upper = range.max === Number.MAX_SAFE_INTEGER ? `at least ${range.min}` : `from ${range.min} to ${range.max}`;
  return { where: `--${option}`, message: `${shown}: expected ${range.what}, ${upper}` };
}

/** Throws one InputError naming every bad option at once. */
export function checkInts(checks: readonly [option: string, value: unknown, range: IntRange][]): void {
  const problems = checks.map(([o, v, r]) => intProblem(o, v, r)).filter((p): p is InputProblem => p !== null);
  if (problems.length) throw new InputError(problems);
}

/** A seed as scenarios take it (schema.ts: a non-negative safe integer). */
export const SEED: IntRange = { min: 0, max: Number.MAX_SAFE_INTEGER, what: 'a whole-number seed' };
