// Same scenario and seed: byte-identical run folders. Another seed: different ones.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles as files, runCli } from '../helpers.ts';

const SIM = join(import.meta.dirname, '../../bin/sim.mjs');
const QUICKSTART = join(import.meta.dirname, '../../scenarios/quickstart.json');

function run(out: string, extra: string[] = []): string {
  return runCli(SIM, ['run', QUICKSTART, '--out', out, ...extra]);
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
    expect([...a.keys()]).toEqual(['functions.csv', 'invocations.csv', 'scenario.resolved.json', 'summary.json', 'timeseries.csv']);
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
