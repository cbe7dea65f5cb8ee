// Shared test helpers: small validated scenarios built from a partial description, and running
// `sim` as a user does.
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { validateScenario } from '../src/scenario/load.ts';
import type { ResolvedScenario } from '../src/scenario/schema.ts';

export function scenario(partial: Record<string, unknown>): ResolvedScenario {
  return validateScenario({
    version: 1,
    name: 'test',
    seed: 1,
    duration: '1m',
    fleet: { nodes: [{ count: 1, cores: 4, memory: '4GiB' }] },
    functions: [{ name: 'f', memory: '256MiB', execution: '100ms' }],
    workload: [],
    ...partial,
  });
}

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu. */
export function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c; // a^c / c!
  const rho = a / c;
  const top = last / (1 - rho);
  return top / (sum + top);
}

/** Runs `node <entry> ...args`; expects exit code 0 and nothing on stderr, and returns stdout. */
export function runCli(entry: string, args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): string {
  const r = spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    env: { ...process.env, ...opts.env },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** A folder's files (name -> text) in name order, for comparing run folders byte for byte. */
export function folderFiles(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** Every path below `dir` with its size and modification time: what a command must leave as it was. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      out.push(`${relative(dir, p)} ${st.isDirectory() ? 'dir' : st.size} ${st.mtimeMs}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** The command line's entry point. */
export const SIM_BIN = join(import.meta.dirname, '../bin/sim.mjs');

/** Runs `node bin/sim.mjs ...args` (in `cwd` if given) and returns its exit code and output. */
export function simCli(args: readonly string[], cwd?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SIM_BIN, ...args], { encoding: 'utf8', ...(cwd !== undefined ? { cwd } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
