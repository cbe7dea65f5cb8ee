// The benchmarks' synthetic Azure-like trace (generated on first use into .bench-cache/), the
// replay setup shared by `npm run bench` and `--paired`, and the replay child's report.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeTrace } from '../src/workload/synth/write.ts';

const ROOT = join(import.meta.dirname, '..');

/** The directory of the 1-day trace of `functions` functions from `seed`, made if missing. */
async function ensureTrace(functions: number, seed: number): Promise<string> {
  const dir = join(ROOT, '.bench-cache', `azure-${functions}-seed${seed}`);
  if (!existsSync(join(dir, 'invocations_per_function_md.anon.d01.csv'))) {
    await synthesizeTrace({ out: dir, functions, days: 1, seed, force: true }); // our own cache: a partial one is replaced
  }
  return dir;
}

/** The 10,000-function replay's trace, fleet and policies (200 functions on 8 nodes in the smoke
 * size). The synthetic trace's busiest functions run long, so the fleet is sized to its load. */
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
