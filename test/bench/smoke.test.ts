// The benchmarks in their smoke size, so they cannot rot: they run and report every row. Speed is
// not checked here (that is what `npm run bench` and BENCHMARKS.md are for).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run bench -- --smoke', () => {
  it('runs every benchmark and prints a row with a number for each', () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/bench.mjs'), '--smoke'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| benchmark'));
    expect(rows.length).toBe(11); // the smoke size skips the sample's 24 h run
    for (const row of rows) expect(row).toMatch(/\| [^|]*\d[^|]* \|/);
    expect(r.stdout).toMatch(/machine: .*cores.*Node v\d+/);
  });

  it('--cells runs the divided-fleet benchmarks in their smoke size: scaling, results by K, shards merged', () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/bench.mjs'), '--cells', '--smoke'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| benchmark'));
    expect(rows.length).toBe(7); // K = 1 and 2 on 1-2 threads (3), the speed-up, results at each K (2), the shards
    for (const row of rows) expect(row).toMatch(/\| [^|]*\d[^|]* \|/);
    expect(r.stdout).toMatch(/2 shards one after another \| [\d.]+ M invocations\/s/);
    expect(r.stdout).toMatch(/machine: .*cores.*Node v\d+/);
  });

  it('refuses an unknown option (even --help) instead of starting the whole run', () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/bench.mjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("bench: unknown option '--help'");
    expect(r.stdout).toBe('');
  });

  it('--paired runs this checkout against another at the same time and prints their ratio', () => {
    const root = join(import.meta.dirname, '../..');
    const r = spawnSync(process.execPath, [join(root, 'bin/bench.mjs'), '--smoke', '--paired', root, '--window', '480-483'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.match(/^pair \d: this [\d.]+ s, other [\d.]+ s, ratio [\d.]+, peak RSS \d+ \/ \d+ MiB$/gm)).toHaveLength(2);
    expect(r.stdout).toMatch(/this \/ other: geometric mean \d+\.\d{3} over 2 pairs/);
    expect(r.stdout).toContain('trace minutes: 480-483');
    const bad = spawnSync(process.execPath, [join(root, 'bin/bench.mjs'), '--paired', join(root, 'no-such-checkout')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no-such-checkout has no bench/replay-child.mjs');
    const badWindow = spawnSync(process.execPath, [join(root, 'bin/bench.mjs'), '--paired', root, '--window', '600-480'], { encoding: 'utf8' });
    expect(badWindow.status).toBe(2);
    expect(badWindow.stderr).toContain('--window must be A-B');
  });
});
