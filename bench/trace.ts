// The benchmarks' synthetic Azure-like traces, generated on first use into .bench-cache/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeTrace } from '../src/workload/synth/write.ts';

const ROOT = join(import.meta.dirname, '..');

/** The directory of the 1-day trace of `functions` functions from `seed`, made if missing. */
export async function ensureTrace(functions: number, seed: number): Promise<string> {
  const dir = join(ROOT, '.bench-cache', `azure-${functions}-seed${seed}`);
  if (!existsSync(join(dir, 'invocations_per_function_md.anon.d01.csv'))) {
    await synthesizeTrace({ out: dir, functions, days: 1, seed });
  }
  return dir;
}
