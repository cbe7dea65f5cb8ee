// Bad scenarios: every class of problem exits with code 2, names where the problem is, and
// writes no run folder.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simCli } from '../helpers.ts';

const sim = (args: string[]) => simCli(args);

const base = {
  version: 1,
  name: 'bad',
  duration: '10s',
  fleet: { nodes: [{ count: 2, cores: 4, memory: '4GiB' }] },
  functions: [{ name: 'f', memory: '256MiB', execution: '10ms' }],
  workload: [{ poisson: { function: 'f', rate: '1/s' } }],
};

function runText(text: string, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'sim-bad-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, text);
  const out = join(dir, 'out');
  const r = sim(['run', file, '--out', out, ...extra]);
  return { ...r, file, wrote: existsSync(out) };
}

const runObj = (o: unknown, extra: string[] = []) => runText(JSON.stringify(o, null, 2), extra);

describe('sim run with bad input', () => {
  it('malformed JSON: line and column', () => {
    const r = runText('{\n  "version": 1,\n  "name": "x",,\n}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario\.json: line 3, column \d+: invalid JSON/);
    expect(r.wrote).toBe(false);
  });

  it('schema problems: each with its JSON path, all reported at once', () => {
    const r = runObj({
      ...base,
      colour: 'red',
      fleet: { nodes: [{ count: 0, cores: 4, memory: '4 parsecs' }] },
      functions: [{ name: 'f', memory: '256MiB', execution: { lognormal: { median: '10ms', sigma: 'wide' } } }],
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(root\): unknown field\(s\) "colour"/);
    expect(r.stderr).toMatch(/fleet\.nodes\[0\]\.count: .*>=1/);
    expect(r.stderr).toMatch(/fleet\.nodes\[0\]\.memory: .*unit "parsecs"/);
    expect(r.stderr).toMatch(/functions\[0\]\.execution\.lognormal\.sigma: .*number/);
    expect(r.wrote).toBe(false);
  });

  it('impossible values: a function larger than every node, unknown references and policies', () => {
    const r = runObj({
      ...base,
      functions: [{ name: 'big', memory: '8GiB', execution: '10ms' }],
      workload: [{ poisson: { function: 'nope', rate: '1/s' } }],
      policies: { keepAlive: 'forever(ttl=1m)' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/functions\[0\]\.memory: 8192 MiB does not fit on any node \(largest node: 4096 MiB\)/);
    expect(r.stderr).toMatch(/workload\[0\]\.poisson\.function: no function named "nope"/);
    expect(r.stderr).toMatch(/policies\.keepAlive: unknown keep-alive policy "forever"/);
    expect(r.wrote).toBe(false);
  });

  it('bad --set overrides and unreadable files', () => {
    const r = runObj(base, ['--set', 'functions[3].memory=1GiB', '--set', 'nonsense']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--set: functions\[3\]\.memory: .*does not exist/);
    expect(r.stderr).toMatch(/--set: nonsense: expected path=value/);
    expect(r.wrote).toBe(false);
    const missing = sim(['run', '/nonexistent/scenario.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nonexistent\/scenario\.json: cannot read: ENOENT/);
  });

  it('--set reaches any field and is validated like the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-set-'));
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify(base));
    const out = join(dir, 'out');
    const ok = sim(['run', file, '--out', out, '--quiet', '--set', 'policies.keepAlive=fixed(ttl=20m)', '--set', 'fleet.nodes[0].count=3']);
    expect(ok.code).toBe(0);
    const resolved = JSON.parse(readFileSync(join(out, 'scenario.resolved.json'), 'utf8'));
    expect(resolved.policies.keepAlive).toBe('fixed(ttl=20m)');
    expect(resolved.fleet.nodes[0].count).toBe(3);
    const bad = sim(['run', file, '--out', join(dir, 'out2'), '--set', 'duration=-5s']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/duration: expected a duration > 0 and <= 365d/);
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });

  it('unknown commands and options are usage errors (exit 2)', () => {
    expect(sim(['frobnicate']).code).toBe(2);
    expect(sim(['run', 'x.json', '--colour']).code).toBe(2);
  });
});
