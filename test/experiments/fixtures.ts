// Tiny sweeps for the experiment tests (a one-minute, two-function scenario written to a
// temporary folder next to a sweep file that points at it) and the command line to run them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simCli } from '../helpers.ts';

export const BASE_SCENARIO = {
  version: 1,
  name: 'tiny',
  seed: 3,
  duration: '1m',
  fleet: { nodes: [{ count: 2, cores: 4, memory: '4GiB' }] },
  functions: [
    { name: 'f', memory: '256MiB', execution: { lognormal: { median: '50ms', sigma: 0.5 } } },
    { name: 'g', memory: '512MiB', execution: '200ms' },
  ],
  workload: [{ poisson: { function: 'f', rate: '5/s' } }, { poisson: { function: 'g', rate: '6/m' } }],
  policies: { keepAlive: 'fixed(ttl=10s)' },
  output: { invocations: false, timeseries: '10s' },
};

export const SWEEP = {
  version: 1,
  name: 'tiny-sweep',
  base: 'base.json',
  axes: {
    'policies.keepAlive': ['fixed(ttl=5s)', 'fixed(ttl=30s)', 'none'],
    'fleet.nodes[0].count': [1, 2],
  },
  seeds: [1, 2],
  metrics: ['latencyMs.queueing.p99'],
};

const made: string[] = [];

export function tmp(prefix = 'sim-sweep-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the temporary folders this test file made (call from afterAll). */
export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes base.json and sweep.json into a new temporary folder; returns the sweep file path. */
export function writeSweep(sweep: Record<string, unknown> = SWEEP, base: Record<string, unknown> = BASE_SCENARIO): string {
  const dir = tmp();
  writeFileSync(join(dir, 'base.json'), JSON.stringify(base, null, 2));
  const file = join(dir, 'sweep.json');
  writeFileSync(file, JSON.stringify(sweep, null, 2));
  return file;
}

export const SIM_ENTRY = 'bin/sim.mjs';

/** Runs the command line. */
export function sim(args: string[]) {
  return simCli(args);
}
