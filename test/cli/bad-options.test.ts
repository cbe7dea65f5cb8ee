// Bad command-line options: every case exits 2 with a message naming the option, no stack trace,
// and nothing written, because options are checked before any work (a typo'd option on a sweep
// used to run every run first and only then exit 2).
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simCli } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'sim-opts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sim = (args: string[]) => simCli(args, root);

/** Exit 2, a message matching `message`, and no stack trace. */
function expectRefused(r: ReturnType<typeof sim>, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

// Long enough (1 hour of 200/s) that running it by mistake would show in the test's time.
const scenario = {
  version: 1,
  name: 'opts',
  duration: '1h',
  fleet: { nodes: [{ count: 2, cores: 4, memory: '4GiB' }] },
  functions: [{ name: 'f', memory: '128MiB', execution: '5ms' }],
  workload: [{ poisson: { function: 'f', rate: '200/s' } }],
};
writeFileSync(join(root, 'scenario.json'), JSON.stringify(scenario));
writeFileSync(
  join(root, 'sweep.json'),
  JSON.stringify({ version: 1, name: 'opts-sweep', base: 'scenario.json', axes: { 'fleet.nodes[0].count': [1, 2] }, metrics: [] }),
);

describe('bad options are refused before any work', () => {
  it('a mistyped option on run and sweep: exit 2, no run folder, no runs/ folder', () => {
    const started = Date.now();
    expectRefused(sim(['run', 'scenario.json', '--seeeed', '3', '--out', 'r1']), /Unknown argument: seeeed/);
    expect(existsSync(join(root, 'r1'))).toBe(false);
    expectRefused(sim(['sweep', 'sweep.json', '--shards', '1/4', '--out', 's1']), /Unknown argument: shards/);
    expect(existsSync(join(root, 's1'))).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000); // the hour of 200/s was not simulated
  });

  it('missing arguments are usage errors', () => {
    expectRefused(sim(['run']), /Not enough non-option arguments/);
    expectRefused(sim(['trace', 'synth', '--out', 't1']), /Missing required argument: functions/);
    expect(existsSync(join(root, 't1'))).toBe(false);
    expectRefused(sim(['merge', 'a', 'b']), /Missing required argument: out/);
  });

  it('numeric options: NaN, Infinity, negative, fractional, too large, each named', () => {
    expectRefused(sim(['run', 'scenario.json', '--seed', 'abc', '--out', 'r2']), /--seed: not a number: expected a whole-number seed/);
    expectRefused(sim(['run', 'scenario.json', '--seed', '-1', '--out', 'r2']), /--seed: -1/);
    expectRefused(sim(['run', 'scenario.json', '--seed', '1.5', '--out', 'r2']), /--seed: 1\.5/);
    expectRefused(sim(['run', 'scenario.json', '--seed', '1e300', '--out', 'r2']), /--seed: 1e\+300/);
    expect(existsSync(join(root, 'r2'))).toBe(false);
    expectRefused(sim(['sweep', 'sweep.json', '--jobs', 'Infinity', '--out', 's2']), /--jobs: Infinity/);
    expectRefused(sim(['sweep', 'sweep.json', '--jobs', '1.5', '--out', 's2']), /--jobs: 1\.5/);
    expect(existsSync(join(root, 's2'))).toBe(false);
    const r = sim(['trace', 'synth', '--out', 't2', '--functions', '1.5', '--days', '0', '--seed', 'abc', '--apps', '-2']);
    expectRefused(r, /4 problem\(s\)/);
    for (const o of ['functions', 'days', 'seed', 'apps']) expect(r.stderr).toContain(`--${o}:`);
    expectRefused(sim(['trace', 'synth', '--out', 't2', '--functions', '2000000']), /--functions: 2000000: .* from 1 to 1000000/);
    expectRefused(sim(['trace', 'synth', '--out', 't2', '--functions', 'NaN']), /--functions: not a number/);
    expect(existsSync(join(root, 't2'))).toBe(false);
  });

  it('trace inspect of a file that is not a 2021 CSV, or a missing path: a message, not a stack trace', () => {
    // A file is read as the 2021 per-invocation CSV.
    expectRefused(sim(['trace', 'inspect', 'scenario.json']), /scenario\.json: line 1: bad CSV/);
    expectRefused(sim(['trace', 'inspect', 'nowhere']), /nowhere: does not exist/);
  });

  it('an output path too long for the file system: exit 2 naming the path and the OS error', () => {
    const long = 'x'.repeat(300);
    expectRefused(sim(['run', 'scenario.json', '--out', long]), /ENAMETOOLONG/);
    expect(readdirSync(root).filter((n) => n.startsWith('x') || n.startsWith('.tmp-'))).toEqual([]);
  });

  it('a read-only output folder: exit 2 naming the path and the OS error, nothing written', (ctx) => {
    const ro = join(root, 'ro');
    mkdirSync(ro);
    try {
      // Root ignores permission bits: an immutable folder refuses writes even to root.
      execFileSync('chattr', ['+i', ro], { stdio: 'ignore' });
    } catch {
      // No chattr here and root: no way to make a read-only folder, so say it is skipped.
      if (process.getuid?.() === 0) return ctx.skip('root without chattr: cannot make a read-only folder');
      execFileSync('chmod', ['555', ro]);
    }
    try {
      const r = sim(['run', 'scenario.json', '--out', join(ro, 'out')]);
      expectRefused(r, /ro.*(EPERM|EACCES|EROFS)/);
      expect(readdirSync(ro)).toEqual([]);
    } finally {
      spawnSync('chattr', ['-i', ro]);
    }
  });
});
