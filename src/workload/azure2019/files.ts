// Where the three 2019 file kinds of a day live in a trace directory: the published names
// (`invocations_per_function_md.anon.dNN.csv`, ...) or the vHive loader's fixture names.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../input/errors.ts';

export interface DayFiles {
  day: number;
  invocations: string;
  durations?: string;
  memory?: string;
}

const dd = (day: number): string => String(day).padStart(2, '0');

export const publishedNames = {
  invocations: (day: number) => `invocations_per_function_md.anon.d${dd(day)}.csv`,
  durations: (day: number) => `function_durations_percentiles.anon.d${dd(day)}.csv`,
  memory: (day: number) => `app_memory_percentiles.anon.d${dd(day)}.csv`,
};

/** vHive (In-Vitro) trace loader layout: one day, plain names, memory per function. */
const loaderNames = { invocations: 'invocations.csv', durations: 'durations.csv', memory: 'memory.csv' };

function present(dir: string, name: string): string | undefined {
  const p = join(dir, name);
  return existsSync(p) ? p : undefined;
}

const INVOCATION_FILE = /^invocations_per_function_md\.anon\.d(\d+)((?:\.[^.]+)*)\.csv$/;

/** Invocation files by day; a name may carry a suffix before `.csv` (e.g. a `.head9` slice). */
function invocationFiles(dir: string): Map<number, { name: string; suffix: string }> {
  if (!existsSync(dir)) {
    throw new InputError({ file: dir, message: 'trace directory not found (a synthetic one: sim trace synth --out DIR --functions N --seed S)' });
  }
  if (!statSync(dir).isDirectory()) throw new InputError({ file: dir, message: 'is a file; expected the trace directory holding the CSV files' });
  const out = new Map<number, { name: string; suffix: string }>();
  for (const f of readdirSync(dir).sort()) {
    const m = INVOCATION_FILE.exec(f);
    if (!m) continue;
    const day = Number(m[1]);
    // Prefer the plain name over a suffixed slice when both exist.
    if (!out.has(day) || m[2] === '') out.set(day, { name: f, suffix: m[2]! });
  }
  return out;
}

/**
 * Files for one day. The published trace has memory files for days 1-12 only, so a later day
 * borrows the newest earlier memory file (documented in docs/traces.md).
 */
export function dayFiles(dir: string, day: number): DayFiles {
  const found = invocationFiles(dir).get(day);
  if (found) {
    const withSuffix = (name: string): string | undefined => present(dir, name.replace(/\.csv$/, `${found.suffix}.csv`)) ?? present(dir, name);
    let memory = withSuffix(publishedNames.memory(day));
    for (let d = day - 1; !memory && d >= 1; d--) memory = withSuffix(publishedNames.memory(d));
    return { day, invocations: join(dir, found.name), durations: withSuffix(publishedNames.durations(day)), memory };
  }
  const loaderInv = day === 1 ? present(dir, loaderNames.invocations) : undefined;
  if (loaderInv) {
    return {
      day,
      invocations: loaderInv,
      durations: present(dir, loaderNames.durations),
      memory: present(dir, loaderNames.memory),
    };
  }
  throw new InputError({
    file: dir,
    message: `no invocation file for day ${day} (expected ${publishedNames.invocations(day)}${day === 1 ? ` or ${loaderNames.invocations}` : ''})`,
  });
}

/** Day numbers that have an invocation file, ascending. */
export function availableDays(dir: string): number[] {
  const days = [...invocationFiles(dir).keys()];
  if (days.length === 0 && existsSync(join(dir, loaderNames.invocations))) days.push(1);
  return days.sort((a, b) => a - b);
}
