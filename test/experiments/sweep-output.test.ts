// Sweeps, merges and trace synthesis write only where they may: a new or empty folder, or an
// output of their own kind; anything else is refused before any run, and nothing is changed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers.ts';
import { loadSweep } from '../../src/experiments/load-sweep.ts';
import { mergeOutputs } from '../../src/experiments/merge.ts';
import type { SweepPlan } from '../../src/experiments/plan.ts';
import { runSweep } from '../../src/experiments/sweep.ts';
import { InputError } from '../../src/input/errors.ts';
import { synthesizeTrace } from '../../src/workload/synth/write.ts';
import { cleanup, SWEEP, tmp, writeSweep } from './fixtures.ts';

afterAll(cleanup);

async function inputError(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('sweep and merge outputs', () => {
  let plan: SweepPlan;
  beforeAll(() => {
    plan = loadSweep(writeSweep({ ...SWEEP, axes: { 'policies.keepAlive': ['none', 'fixed(ttl=5s)'] }, seeds: [1] }));
  });

  it('refuses a folder that is not a sweep output, even with force, and changes nothing', async () => {
    const root = tmp();
    const user = join(root, 'user');
    mkdirSync(join(user, 'src'), { recursive: true });
    writeFileSync(join(user, 'README.md'), 'mine\n');
    writeFileSync(join(root, 'file.txt'), 'mine\n');
    const before = snapshot(root);
    for (const force of [false, true]) {
      expect(await inputError(() => runSweep(plan, { out: user, jobs: 1, force }))).toMatch(/holds entries a sweep did not write \(README\.md, src\)/);
      expect(await inputError(() => runSweep(plan, { out: join(root, 'file.txt'), jobs: 1, force }))).toMatch(/is a file/);
    }
    expect(snapshot(root)).toEqual(before);
  });

  it("refuses a run folder slot that holds a user's folder, before any run", async () => {
    const out = join(tmp(), 'out');
    const slot = join(out, 'runs', plan.runs[1]!.folder);
    mkdirSync(slot, { recursive: true });
    writeFileSync(join(slot, 'data.bin'), 'mine');
    const before = snapshot(out);
    expect(await inputError(() => runSweep(plan, { out, jobs: 1, force: true }))).toMatch(/not run folders \(run-0001_/);
    expect(snapshot(out)).toEqual(before);
  });

  it("another sweep's output needs --force; then only its run folders and files are written", async () => {
    const out = join(tmp(), 'out');
    await runSweep(plan, { out, jobs: 1 });
    const other = { ...plan, name: 'other-sweep' };
    expect(await inputError(() => runSweep(other, { out, jobs: 1 }))).toMatch(/holds the output of sweep "tiny-sweep", not "other-sweep"/);
    const r = await runSweep(other, { out, jobs: 1, force: true });
    expect(r.resumed).toHaveLength(2); // the same runs: nothing redone
  });

  it('merge refuses an output folder of other things, and a run slot that is not a run folder', async () => {
    const root = tmp();
    const a = join(root, 'a');
    await runSweep(plan, { out: a, jobs: 1 });
    const target = join(root, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'thesis.tex'), 'mine');
    const before = snapshot(root);
    expect(await inputError(() => mergeOutputs([a], target))).toMatch(/holds entries a sweep did not write \(thesis\.tex\)/);
    expect(await inputError(() => mergeOutputs([a], join(target, 'thesis.tex')))).toMatch(/is a file/);
    expect(snapshot(root)).toEqual(before);

    const slotted = join(root, 'slotted');
    const slot = join(slotted, 'runs', plan.runs[0]!.folder);
    mkdirSync(slot, { recursive: true });
    writeFileSync(join(slot, 'summary.json'), '{}'); // looks like a run file, but no resolved scenario: not ours
    expect(await inputError(() => mergeOutputs([a], slotted))).toMatch(/not run folders/);
    expect(readFileSync(join(slot, 'summary.json'), 'utf8')).toBe('{}');
  });
});

describe('trace synth', () => {
  it('does not overwrite trace files already there unless forced, and then only those', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'invocations_per_function_md.anon.d01.csv'), 'a real trace\n');
    writeFileSync(join(dir, 'keep.txt'), 'mine\n');
    const before = snapshot(dir);
    expect(() => synthesizeTrace({ out: dir, functions: 20, days: 1, seed: 1 })).toThrow(
      /already holds trace files \(invocations_per_function_md\.anon\.d01\.csv\).*--force/,
    );
    expect(snapshot(dir)).toEqual(before);
    synthesizeTrace({ out: dir, functions: 20, days: 1, seed: 1, force: true });
    expect(readFileSync(join(dir, 'invocations_per_function_md.anon.d01.csv'), 'utf8')).toMatch(/^HashOwner,/);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });
});
