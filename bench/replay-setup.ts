// The benchmarks' synthetic Azure-like trace (generated on first use into .bench-cache/), the
// replay setup shared by `npm run bench` and `--paired`, and the replay child's report.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeTrace } from '../src/workload/synth/write.ts';

const ROOT = join(import.meta.dirname, '..');

/**
 * Bumped when the generator's output changes, so a cache written by an older generator is not
 * silently reused (2: the joint model of issue 20).
 */
const GENERATOR = 2;

/** The directory of the 1-day trace of `functions` functions from `seed`, made if missing. */
export async function ensureTrace(functions: number, seed: number): Promise<string> {
  const dir = join(ROOT, '.bench-cache', `azure-${functions}-seed${seed}-g${GENERATOR}`);
  if (!existsSync(join(dir, 'invocations_per_function_md.anon.d01.csv'))) {
    await synthesizeTrace({ out: dir, functions, days: 1, seed, force: true }); // our own cache: a partial one is replaced
  }
  return dir;
}

/** The 10,000-function replay's trace, fleet and policies (200 functions on 8 nodes in the smoke
 * size). The fleet was sized to the old generator's load (~42,000 busy executions); the joint
 * generator's day needs ~860, but the fleet stays until the benchmarks are re-measured. */
export async function bigReplay(smoke: boolean): Promise<{
  trace: string;
  nodes: number;
  cores: number;
  memory: string;
  keepAlive: string;
  coldStart: string;
}> {
  return {
    trace: await ensureTrace(smoke ? 200 : 10_000, 7),
    nodes: smoke ? 8 : 1000,
    cores: 64,
    memory: '256GiB',
    keepAlive: 'fixed(ttl=10m)',
    coldStart: 'reap',
  };
}

/** What bench/replay-child.mjs prints as its last line. */
export interface ReplayResult {
  arrivals: number;
  dropped: number;
  events: number;
  loadMs: number;
  simMs: number;
  maxRssMiB: number;
}

export function parseReplay(stdout: string): ReplayResult {
  return JSON.parse(stdout.trim().split('\n').pop()!) as ReplayResult;
}
