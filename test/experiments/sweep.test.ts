// Running sweeps: identical outputs whatever the number of worker threads, shards that merge
// into exactly the unsharded output, merge refusing mismatched inputs, and resume.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSweep } from '../../src/experiments/load-sweep.ts';
import { mergeOutputs } from '../../src/experiments/merge.ts';
import type { SweepPlan } from '../../src/experiments/plan.ts';
import { runTasks } from '../../src/experiments/pool.ts';
import { runSweep } from '../../src/experiments/sweep.ts';
import { InputError } from '../../src/input/errors.ts';
import { cleanup, sim, SWEEP, tmp, writeSweep } from './fixtures.ts';

afterAll(cleanup);

/** Every file of an output folder (recursively), by relative path. */
function tree(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of tree(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(join(dir, rel), 'utf8'));
  }
  return out;
}

function expectSameTree(a: string, b: string): void {
  const ta = tree(a);
  const tb = tree(b);
  expect([...tb.keys()]).toEqual([...ta.keys()]);
  for (const [k, v] of ta) expect(tb.get(k), k).toBe(v);
}

function inputError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('sweeps', () => {
  let plan: SweepPlan;
  let whole: string;

  beforeAll(async () => {
    plan = loadSweep(writeSweep());
    whole = join(tmp(), 'whole');
    await runSweep(plan, { out: whole, jobs: 1 });
  });

  it('writes one run folder per run and results.csv in run order', () => {
    const csv = readFileSync(join(whole, 'results.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(
      'run,folder,seed,policies.keepAlive,fleet.nodes[0].count,arrivals,completed,dropped,failed,cold_fraction,p50_ms,p99_ms,p75_app_cold_pct,idle_gb_s,cost_usd,latencyMs.queueing.p99',
    );
    expect(csv).toHaveLength(13);
    expect(csv[1]).toMatch(/^run-0000,run-0000_keepAlive=fixed-ttl=5s_count=1_seed=1,1,fixed\(ttl=5s\),1,\d+,\d+,0,0,[\d.]+,/);
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(plan.runs.map((r) => r.id));
    expect(readdirSync(join(whole, 'runs')).sort()).toEqual(plan.runs.map((r) => r.folder));
    const summary = JSON.parse(readFileSync(join(whole, 'runs', plan.runs[8]!.folder, 'summary.json'), 'utf8'));
    expect(csv[9]!.split(',')[5]).toBe(String(summary.invocations.arrivals));
    expect(summary.policies.keepAlive).toBe('none');
    // Different settings and seeds give different results.
    expect(new Set(csv.slice(1).map((l) => l.split(',').slice(5).join(','))).size).toBeGreaterThan(6);
  });

  it('gives byte-identical outputs with 1 and 2 worker threads', async () => {
    const two = join(tmp(), 'two');
    const report = await runSweep(plan, { out: two, jobs: 2 });
    expect(report.ran).toHaveLength(12);
    expectSameTree(whole, two);
  });

  it('shards cover the sweep, and their merge equals the unsharded output byte for byte', async () => {
    const root = tmp();
    const shards = [1, 2, 3].map((i) => join(root, `shard-${i}`));
    for (const [i, out] of shards.entries()) {
      const r = await runSweep(plan, { out, jobs: i === 0 ? 2 : 1, shard: { index: i + 1, count: 3 } });
      expect(r.selected).toBe(4);
    }
    expect(
      readFileSync(join(shards[1]!, 'results.csv'), 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['run-0001', 'run-0004', 'run-0007', 'run-0010']);
    const merged = join(root, 'merged');
    // Input order does not matter.
    const report = mergeOutputs([shards[2]!, shards[0]!, shards[1]!], merged);
    expect(report.runs).toBe(12);
    expectSameTree(whole, merged);
    // Merging into one of the shard folders works too.
    mergeOutputs(shards, shards[0]!);
    expectSameTree(whole, shards[0]!);
  });

  it('merge refuses a missing shard, a repeated shard and another sweep', async () => {
    const root = tmp();
    const a = join(root, 'a');
    const b = join(root, 'b');
    await runSweep(plan, { out: a, jobs: 1, shard: { index: 1, count: 2 } });
    await runSweep(plan, { out: b, jobs: 1, shard: { index: 2, count: 2 } });
    expect(inputError(() => mergeOutputs([a], join(root, 'm1')))).toMatch(
      /6 of 12 runs are in no input \(runs run-0001, run-0003, .*inputs hold shards 1\/2\): is a shard missing\?/,
    );
    expect(inputError(() => mergeOutputs([a, b, a], join(root, 'm2')))).toMatch(/\/a: given twice/);
    cpSync(a, join(root, 'a2'), { recursive: true });
    expect(inputError(() => mergeOutputs([a, b, join(root, 'a2')], join(root, 'm2')))).toMatch(
      /a2: 6 run\(s\) also in .*\/a: each run must come from exactly one input .*: run-0000, run-0002, /,
    );
    const other = join(root, 'other');
    await runSweep(loadSweep(writeSweep({ ...SWEEP, seeds: [1, 3] })), { out: other, jobs: 1, shard: { index: 2, count: 2 } });
    expect(inputError(() => mergeOutputs([a, other], join(root, 'm3')))).toMatch(/other\/manifest\.json: from another sweep/);
    rmSync(join(b, 'runs', plan.runs[1]!.folder, 'summary.json'));
    expect(inputError(() => mergeOutputs([a, b], join(root, 'm4')))).toMatch(/b: 1 run\(s\) run folder\(s\) missing or incomplete under runs\/: run-0001$/);
    expect(existsSync(join(root, 'm1', 'results.csv')) || existsSync(join(root, 'm4', 'results.csv')) || existsSync(join(root, 'm2', 'results.csv'))).toBe(
      false,
    );
  });

  it('resume skips complete runs and redoes incomplete or different ones', async () => {
    const out = join(tmp(), 'resume');
    const first = await runSweep(plan, { out, jobs: 2 });
    expect(first.resumed).toEqual([]);
    const before = readFileSync(join(out, 'results.csv'), 'utf8');
    const folder = (i: number) => join(out, 'runs', plan.runs[i]!.folder);
    writeFileSync(join(folder(1), 'marker'), 'kept'); // shows the folder was not redone
    rmSync(join(folder(2), 'summary.json')); // incomplete
    rmSync(folder(3), { recursive: true }); // never finished...
    mkdirSync(join(out, 'runs', `.tmp-${plan.runs[3]!.folder}-999-0`)); // ...and left a temporary
    const resolvedFile = join(folder(4), 'scenario.resolved.json'); // a different run in its place
    writeFileSync(resolvedFile, readFileSync(resolvedFile, 'utf8').replace('"seed": 1', '"seed": 77'));

    const again = await runSweep(plan, { out, jobs: 2 });
    expect(again.ran).toEqual(['run-0002', 'run-0003', 'run-0004']);
    expect(again.resumed).toHaveLength(9);
    expect(readFileSync(join(folder(1), 'marker'), 'utf8')).toBe('kept');
    expect(existsSync(join(folder(2), 'summary.json'))).toBe(true);
    expect(readdirSync(join(out, 'runs')).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toBe(before);
    rmSync(join(folder(1), 'marker'));
    expectSameTree(whole, out);
  });

  it('a run that fails stops the sweep with its error, on a worker or in this thread', async () => {
    // An empty object is not a scenario: simulate throws, as a bug in a run would.
    const bad = { index: 0, scenario: {} as never, outDir: join(tmp(), 'bad') };
    await expect(runTasks([bad, { ...bad, index: 1 }], 2)).rejects.toThrow(/\w/);
    await expect(runTasks([bad], 1)).rejects.toThrow(/\w/);
  });

  it('the commands: sharded sweep and merge through the command line', async () => {
    const file = writeSweep({ ...SWEEP, axes: { 'policies.keepAlive': ['none', 'fixed(ttl=5s)'] }, seeds: [1] });
    const root = tmp();
    const one = sim(['sweep', file, '--shard', '1/2', '--out', join(root, 's1'), '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^sweep tiny-sweep shard 1\/2: 1 of 2 runs \(1 run, 0 resumed\) -> .*s1\/results\.csv/);
    expect(one.stderr).toMatch(/1\/1 runs/); // the progress bar is on stderr
    expect(sim(['sweep', file, '--shard', '2/2', '--out', join(root, 's2'), '--quiet']).code).toBe(0);
    const merged = sim(['merge', join(root, 's1'), join(root, 's2'), '--out', join(root, 'all')]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/merged 2 output\(s\), 2 runs/);
    await runSweep(loadSweep(file), { out: join(root, 'whole'), jobs: 1 });
    expect(readFileSync(join(root, 'all', 'results.csv'), 'utf8')).toBe(readFileSync(join(root, 'whole', 'results.csv'), 'utf8'));
  });
});
