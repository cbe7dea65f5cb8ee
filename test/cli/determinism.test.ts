// Same scenario and seed: byte-identical run folders. Another seed: different ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIM = join(import.meta.dirname, '../../bin/sim.mjs');
const QUICKSTART = join(import.meta.dirname, '../../scenarios/quickstart.json');

function run(out: string, extra: string[] = []) {
  const r = spawnSync(process.execPath, [SIM, 'run', QUICKSTART, '--out', out, ...extra], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

function files(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('determinism', () => {
  it('same scenario and seed give byte-identical run folders; another seed differs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-det-'));
    const stdout = run(join(dir, 'a'));
    expect(stdout).toMatch(/arrivals\s+\d+\s+completed/);
    run(join(dir, 'b'));
    run(join(dir, 'c'), ['--seed', '7']);
    const a = files(join(dir, 'a'));
    const b = files(join(dir, 'b'));
    const c = files(join(dir, 'c'));
    expect([...a.keys()]).toEqual([
      'functions.csv', 'invocations.csv', 'scenario.resolved.json', 'summary.json', 'timeseries.csv',
    ]);
    for (const [name, text] of a) expect(b.get(name), name).toBe(text);
    for (const name of ['invocations.csv', 'summary.json', 'functions.csv', 'timeseries.csv']) {
      expect(c.get(name), name).not.toBe(a.get(name));
    }
    // The quickstart shows cold and warm starts and keep-alive expiries.
    const summary = JSON.parse(a.get('summary.json')!);
    expect(summary.coldStarts.invocations).toBeGreaterThan(0);
    expect(summary.coldStarts.invocations).toBeLessThan(summary.invocations.completed);
    expect(summary.memory.teardowns.keepalive).toBeGreaterThan(0);
  });
});
