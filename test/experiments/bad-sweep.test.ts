// Bad sweep files: every problem is an InputError that names the axis (or field) at fault, the
// command exits 2 and nothing is written.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSweep } from '../../src/experiments/load-sweep.ts';
import { InputError } from '../../src/input/errors.ts';
import { cleanup, BASE_SCENARIO, sim, SIM_ENTRY, SWEEP, writeSweep } from './fixtures.ts';

afterAll(cleanup);

function problems(sweep: Record<string, unknown>, base: Record<string, unknown> = BASE_SCENARIO): string {
  try {
    loadSweep(writeSweep(sweep, base));
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('bad sweep files', () => {
  it('an unknown scenario path names the axis', () => {
    expect(problems({ ...SWEEP, axes: { 'polices.keepAlive': ['none'] } })).toMatch(
      /sweep\.json: axes\["polices\.keepAlive"\]: scenario path "polices\.keepAlive": .*unknown field.*"polices"/,
    );
    expect(problems({ ...SWEEP, axes: { 'fleet.nodes[3].count': [1, 2] } })).toMatch(
      /axes\["fleet\.nodes\[3\]\.count"\]: .*fleet\.nodes\[3\].*(past the end|does not exist)/,
    );
    expect(problems({ ...SWEEP, axes: { 'policies.keepAliv': ['none'] } })).toMatch(/axes\["policies\.keepAliv"\]: .*unknown field.*"keepAliv"/);
  });

  it('an empty axis names the axis', () => {
    expect(problems({ ...SWEEP, axes: { 'policies.keepAlive': [], 'fleet.nodes[0].count': [1] } })).toMatch(
      /sweep\.json: axes\["policies\.keepAlive"\]: axis has no values/,
    );
  });

  it('a bad value names the axis and the value', () => {
    const text = problems({ ...SWEEP, axes: { 'policies.keepAlive': ['none', 'forever(ttl=1m)'] } });
    expect(text).toMatch(/axes\["policies\.keepAlive"\]\[1\]: value "forever\(ttl=1m\)": policies\.keepAlive: unknown keep-alive policy/);
    expect(text).not.toMatch(/\[0\]/);
  });

  it('a combination that breaks the scenario names the run', () => {
    const text = problems({ ...SWEEP, axes: { 'fleet.nodes[0].memory': ['4GiB', '1GiB'], 'functions[1].memory': ['256MiB', '2GiB'] } });
    expect(text).toMatch(/run-0006_memory=1GiB_memory=2GiB_seed=1: this combination of axis values: functions\[1\]\.memory: .*does not fit/);
  });

  it('zip groups, seeds, unknown fields and the base file', () => {
    expect(problems({ ...SWEEP, zip: [['policies.keepAlive', 'fleet.nodes[0].count']] })).toMatch(/zip\[0\]: zipped axes need as many values each/);
    expect(problems({ ...SWEEP, zip: [['policies.keepAlive', 'nope']] })).toMatch(/zip\[0\]: "nope" is not an axis/);
    expect(problems({ ...SWEEP, seeds: [1, 1] })).toMatch(/seeds: seeds repeat/);
    expect(problems({ ...SWEEP, axes: { seed: [1, 2] } })).toMatch(/axes\["seed"\]: use "seeds"/);
    expect(problems({ ...SWEEP, colour: 'red' })).toMatch(/\(root\): unknown field\(s\) "colour"/);
    expect(problems({ ...SWEEP, set: { 'policies.keepAlve': 'none' } })).toMatch(/sweep\.json: set: .*unknown field.*"keepAlve"/);
    expect(problems({ ...SWEEP, base: 'missing.json' })).toMatch(/missing\.json: cannot read: ENOENT/);
    expect(problems(SWEEP, { ...BASE_SCENARIO, duration: '-1s' })).toMatch(/base\.json: duration: expected a duration > 0 and <= 365d/);
  });

  it(`the command exits 2, names the path and writes nothing (${SIM_ENTRY})`, () => {
    const file = writeSweep({ ...SWEEP, axes: { 'polices.keepAlive': ['none'], 'fleet.nodes[0].count': [] } });
    const out = join(dirname(file), 'out');
    const r = sim(['sweep', file, '--out', out, '--jobs', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/axes\["polices\.keepAlive"\]/);
    expect(r.stderr).toMatch(/axes\["fleet\.nodes\[0\]\.count"\]: axis has no values/);
    expect(existsSync(out)).toBe(false);
    const badShard = sim(['sweep', writeSweep(), '--out', out, '--shard', '3/2']);
    expect(badShard.code).toBe(2);
    expect(badShard.stderr).toMatch(/--shard: "3\/2": the shard number must be from 1 to 2/);
    expect(sim(['sweep', writeSweep(), '--out', out, '--jobs', '0']).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const badMerge = sim(['merge', dirname(file), '--out', out]);
    expect(badMerge.code).toBe(2);
    expect(badMerge.stderr).toMatch(/manifest\.json: not a sweep output/);
  });
});
