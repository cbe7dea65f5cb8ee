// Crash safety: SIGINT stops `sim run` with exit 130 and no run folder; a sweep stopped by SIGINT
// or killed by SIGKILL keeps its finished runs, and rerunning it gives byte-identical outputs with
// no temporaries left.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SIM = join(import.meta.dirname, '../../bin/sim.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sim-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A short run per sweep point (~0.3 s of simulation).
const base = {
  version: 1,
  name: 'intr',
  duration: '2m',
  seed: 3,
  fleet: { nodes: [{ count: 4, cores: 16, memory: '64GiB' }] },
  functions: [{ name: 'f', memory: '128MiB', execution: { lognormal: { median: '20ms', sigma: 0.5 } } }],
  workload: [{ poisson: { function: 'f', rate: '800/s' } }],
  output: { invocations: true, timeseries: '10s' },
};
const sweep = {
  version: 1,
  name: 'intr-sweep',
  base: 'base.json',
  axes: { 'policies.keepAlive': ['fixed(ttl=5s)', 'fixed(ttl=30s)', 'none'] },
  seeds: [1, 2],
  metrics: ['latencyMs.queueing.p99'],
};
writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
// Long enough to be interrupted, with the invocations.csv writer thread under way.
writeFileSync(join(dir, 'long.json'), JSON.stringify({ ...base, name: 'long', duration: '2h' }));
writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweep));

function start(args: string[]): { child: ChildProcess; result: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, [SIM, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const result = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => setTimeout(() => resolve({ code, signal, stderr }), 50)),
  );
  return { child, result };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `test()` holds (polling), at most `ms`. */
async function until(test: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(50);
  }
}

/** Every path below `root` (folders end with /), to find leftovers. */
function paths(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      out.push(relative(root, join(d, e.name)) + (e.isDirectory() ? '/' : ''));
      if (e.isDirectory()) walk(join(d, e.name));
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}

/** Finished run folders under `out/runs` (renamed into place, so complete). */
const finished = (out: string) => (existsSync(join(out, 'runs')) ? readdirSync(join(out, 'runs')).filter((n) => !n.startsWith('.')) : []);

function files(root: string): Map<string, string> {
  return new Map(
    paths(root)
      .filter((p) => !p.endsWith('/'))
      .map((p) => [p, readFileSync(join(root, p), 'utf8')]),
  );
}

function sweepTo(out: string, jobs = 2) {
  const r = spawnSync(process.execPath, [SIM, 'sweep', 'sweep.json', '--out', out, '--jobs', String(jobs), '--quiet'], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe('interrupting runs and sweeps', () => {
  const whole = join(dir, 'whole');

  it('SIGINT stops sim run: exit 130, no run folder, no temporaries', async () => {
    const { child, result } = start(['run', 'long.json', '--out', 'long-out']);
    // Once the run's temporary exists the simulation is under way.
    await until(() => readdirSync(dir).some((n) => n.startsWith('.tmp-long-out-')));
    await sleep(300);
    child.kill('SIGINT');
    const r = await result;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted: no run folder written/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(dir).filter((n) => n.startsWith('.tmp-') || n === 'long-out')).toEqual([]);
  });

  it('SIGINT stops a run that streams invocations-invitro.csv.gz: nothing partial is left', async () => {
    const args = ['run', 'long.json', '--out', 'long-gz', '--set', 'output.compression=gzip', '--set', 'output.invocationColumns=invitro'];
    const { child, result } = start(args);
    const tmp = () => readdirSync(dir).find((n) => n.startsWith('.tmp-long-gz-'));
    // The compressed file is being written into the temporary when the run is stopped.
    await until(() => {
      const t = tmp();
      return t !== undefined && readdirSync(join(dir, t)).includes('invocations-invitro.csv.gz');
    });
    child.kill('SIGINT');
    const r = await result;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted: no run folder written/);
    expect(readdirSync(dir).filter((n) => n.startsWith('.tmp-') || n === 'long-gz')).toEqual([]);
  });

  it('SIGINT stops a divided run on worker threads, and a shard: no run folder, no partial folder, no temporaries', async () => {
    // Two functions in two apps, so both cells (and both threads) have work when the signal comes.
    const divided = {
      ...base,
      name: 'cells',
      duration: '2h',
      fleet: { nodes: [{ count: 4, cores: 16, memory: '64GiB' }], cells: 2, cellAssignment: 'balanced' },
      functions: [base.functions[0], { ...base.functions[0], name: 'g' }],
      workload: [base.workload[0], { poisson: { function: 'g', rate: '800/s' } }],
    };
    writeFileSync(join(dir, 'cells.json'), JSON.stringify(divided));
    for (const [out, extra] of [
      ['cells-out', ['--threads', '2']],
      ['cells-part', ['--cells', '1/2']],
    ] as const) {
      const { child, result } = start(['run', 'cells.json', '--out', out, ...extra]);
      const tmp = () => readdirSync(dir).find((n) => n.startsWith(`.tmp-${out}-`));
      // A cell's folder is being written when the run is stopped.
      await until(() => {
        const t = tmp();
        return t !== undefined && readdirSync(join(dir, t)).some((n) => n.startsWith('cell-'));
      });
      await sleep(300);
      child.kill('SIGINT');
      const r = await result;
      expect(r.code, r.stderr).toBe(130);
      expect(r.stderr).toMatch(/interrupted: no run folder written/);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(readdirSync(dir).filter((n) => n.startsWith('.tmp-') || n === out)).toEqual([]);
    }
  });

  it('SIGINT stops a sweep: finished runs kept, nothing partial; the rerun resumes to identical outputs', async () => {
    sweepTo(whole);
    for (const jobs of [2, 1]) {
      const out = join(dir, `sigint-${jobs}`);
      const { child, result } = start(['sweep', 'sweep.json', '--out', out, '--jobs', String(jobs), '--quiet']);
      await until(() => finished(out).length >= 1);
      child.kill('SIGINT');
      const r = await result;
      expect(r.code).toBe(130);
      expect(r.stderr).toMatch(/interrupted: \d of 6 runs finished and kept/);
      const left = paths(out);
      expect(left.filter((p) => p.includes('.tmp-'))).toEqual([]);
      expect(left).not.toContain('results.csv');
      const kept = finished(out);
      expect(kept.length).toBeGreaterThanOrEqual(1);
      expect(kept.length).toBeLessThan(6);
      sweepTo(out, jobs);
      expect(files(out)).toEqual(files(whole));
    }
  });

  it('SIGKILL mid-sweep, then a rerun: byte-identical outputs and no temporaries left', async () => {
    const out = join(dir, 'killed');
    const { child, result } = start(['sweep', 'sweep.json', '--out', out, '--jobs', '2', '--quiet']);
    await until(() => finished(out).length >= 1 && readdirSync(join(out, 'runs')).some((n) => n.startsWith('.tmp-')));
    child.kill('SIGKILL');
    expect((await result).signal).toBe('SIGKILL');
    // A killed atomic write of results.csv leaves this; the rerun removes it (its process is gone).
    writeFileSync(join(out, `.tmp-results.csv-${child.pid}`), 'partial');
    expect(paths(out).some((p) => p.includes('.tmp-'))).toBe(true);
    sweepTo(out);
    expect(paths(out).filter((p) => p.includes('.tmp-'))).toEqual([]);
    expect(files(out)).toEqual(files(whole));
  });
});
