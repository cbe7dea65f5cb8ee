// `sim compare` as CI uses it: exit 0 with the table, 1 when a --fail-if check fails, 2 for a bad
// check or folder (a sweep output included), and --json that a script can read.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simCli } from '../helpers.ts';

const tiny = {
  version: 1,
  name: 'tiny',
  duration: '20s',
  fleet: { nodes: [{ count: 1, cores: 2, memory: '2GiB' }] },
  functions: [
    { name: 'f', memory: '128MiB', execution: '5ms' },
    { name: 'g', memory: '128MiB', execution: '50ms' },
  ],
  workload: [{ poisson: { function: 'f', rate: '5/s' } }, { poisson: { function: 'g', rate: '1/s' } }],
  policies: { keepAlive: 'fixed(ttl=2s)' },
};

let root = '';
const a = () => join(root, 'a');
const b = () => join(root, 'b');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sim-compare-'));
  writeFileSync(join(root, 'tiny.json'), JSON.stringify(tiny));
  expect(simCli(['run', 'tiny.json', '--out', 'a', '--quiet'], root).code).toBe(0);
  // Longer keep-alive: fewer cold starts, more idle memory.
  expect(simCli(['run', 'tiny.json', '--out', 'b', '--quiet', '--set', 'policies.keepAlive=fixed(ttl=10m)'], root).code).toBe(0);
});

describe('sim compare', () => {
  it('prints every metric with its change and the functions that moved', () => {
    const r = simCli(['compare', a(), b()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^memory\.idleGBs +[\d.]+ +[\d.]+ +\+[\d.]+ +\+[\d.]+%$/m);
    expect(r.stdout).toMatch(/^latencyMs\.endToEnd\.p99 /m);
    expect(r.stdout).toMatch(/functions that moved most, B against A:\n {2}mean_latency_ms:/);
  });

  it('--json: runs, metrics with values and deltas, movers and checks', () => {
    const r = simCli(['compare', a(), b(), '--json', '--fail-if', 'memory.idleGBs>1%']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as {
      runs: { dir: string }[];
      metrics: { path: string; values: number[]; deltas: { abs: number; rel: number }[] }[];
      functions: { byColumn: { column: string }[] }[];
      checks: { failed: boolean }[];
    };
    expect(j.runs.map((x) => x.dir)).toEqual([a(), b()]);
    const idle = j.metrics.find((m) => m.path === 'memory.idleGBs')!;
    expect(idle.deltas[0]!.abs).toBeCloseTo(idle.values[1]! - idle.values[0]!, 6);
    expect(j.functions[0]!.byColumn.map((c) => c.column)).toContain('cold_pct');
    expect(j.checks[0]!.failed).toBe(true);
  });

  it('--fail-if: exit 1 naming the regression, 0 when within bounds', () => {
    const bad = simCli(['compare', a(), b(), '--fail-if', 'memory.idleGBs>5%', '--fail-if', 'coldStarts.invocations>0']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAIL {2}--fail-if memory\.idleGBs>5%\n {6}.*memory\.idleGBs [\d.]+ -> [\d.]+ \(change \+[\d.]+%\) > 5%/);
    expect(bad.stdout).toMatch(/ok {4}--fail-if coldStarts\.invocations>0/);
    expect(bad.stderr).toBe('1 of 2 --fail-if check(s) failed\n');
    expect(simCli(['compare', a(), b(), '--fail-if', 'coldStarts.invocations>0']).code).toBe(0);
    // The same run against itself never regresses.
    expect(simCli(['compare', a(), a(), '--fail-if', 'latencyMs.endToEnd.p99>0%']).code).toBe(0);
  });

  it('exit 2 for a malformed check, an unknown path, a missing folder, a sweep output or one folder', () => {
    const cases: [string[], RegExp][] = [
      [['--fail-if', 'latencyMs.endToEnd.p99 > lots'], /--fail-if: "latencyMs.endToEnd.p99 > lots": expected <metric path><op><threshold>/],
      [['--fail-if', 'latency.p99>5%'], /"latency" is not a field at the top of summary.json \(there: scenario, seed/],
      [['--fail-if', 'latencyMs.endToEnd>5%'], /"latencyMs.endToEnd" is not a number in summary.json; numbers under it/],
    ];
    for (const [extra, msg] of cases) {
      const r = simCli(['compare', a(), b(), ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).toBe('');
    }
    expect(simCli(['compare', a(), join(root, 'nope')]).stderr).toMatch(/nope: no such folder \(expected a run folder\)/);
    expect(simCli(['compare', a()]).code).toBe(2);
    const sweep = join(root, 'sweep');
    mkdirSync(sweep);
    writeFileSync(join(sweep, 'manifest.json'), '{}');
    const r = simCli(['compare', a(), sweep]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a sweep output, not a run folder: give one of its runs/);
  });
});
