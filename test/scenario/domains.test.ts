// Numeric fields outside their documented domain (docs/limits.md) are schema problems naming the
// JSON path and what was expected; impossible combinations are caught before any work, together
// with every other problem of the file.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/cli/schema.ts';
import { loadSweep } from '../../src/experiments/load-sweep.ts';
import { InputError, type InputProblem } from '../../src/input/errors.ts';
import { applyOverrides, loadScenarioFile, parseJsonText, validateScenario } from '../../src/scenario/load.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fixture is edited freely, into shapes the schema must reject
function base(): Record<string, any> {
  return {
    version: 1,
    duration: '10m',
    fleet: { nodes: [{ count: 2, cores: 4, memory: '8GiB' }] },
    functions: [{ name: 'f', execution: '10ms' }],
    workload: [{ poisson: { function: 'f', rate: '1/s' } }],
  };
}

function problems(fn: () => unknown): InputProblem[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return [...(e as InputError).problems];
  }
  throw new Error('expected an InputError');
}

/** Sets `path` (dotted, with [i]) in a fresh base scenario and returns the problems. */
function withValue(path: string, value: unknown): InputProblem[] {
  const s = base();
  applyOverrides(s, [`${path}=${JSON.stringify(value)}`]);
  return problems(() => validateScenario(s, 'x.json'));
}

describe('values the model cannot use', () => {
  it.each([
    ['workload[0].poisson.rate', 0, /expected a rate >= 0\.000000001\/s/],
    // Found by fuzzing: a denormal rate passed '> 0' and underflowed to 0 per microsecond (internal error).
    ['workload[0].poisson.rate', 5e-324, /expected a rate >= 0\.000000001\/s and <= 1000000\/s, got 5e-324/],
    ['workload[0]', { fixed: { function: 'f', interval: 0 } }, /expected a duration > 0/, 'workload[0].fixed.interval'],
    ['workload[0]', { fixed: { function: 'f', interval: '-0s' } }, /expected a duration > 0/, 'workload[0].fixed.interval'],
    ['workload[0]', { fixed: { function: 'f', interval: '1s', offset: '-1s' } }, /expected a duration >= 0/, 'workload[0].fixed.offset'],
    ['workload[0]', { burst: { function: 'f', size: 2, every: 0 } }, /expected a duration > 0/, 'workload[0].burst.every'],
    ['workload[0]', { burst: { function: 'f', size: 2, every: '-5s' } }, /expected a duration > 0/, 'workload[0].burst.every'],
    ['fleet.nodes[0].nic', '0bps', /expected a bandwidth >= 1Mbps and <= 10Tbps, got "0bps"/],
    ['fleet.nodes[0].nic', 1e-300, /expected a bandwidth >= 1Mbps/],
    ['fleet.nodes[0].pageCache', -1, /expected a size >= 0 and <= 1TiB, got -1/],
    ['fleet.nodes[0].memory', '-8GiB', /expected a size > 0 and <= 1TiB, got "-8GiB"/],
    ['transfers.xdtTimeout', 0, /expected a duration > 0/],
    ['transfers.xdtTimeout', '-1s', /expected a duration > 0/],
    ['functions[0].execution', '-5ms', /expected a duration >= 0/],
    ['functions[0].execution', { uniform: { min: '-5ms', max: '5ms' } }, /expected a duration >= 0/, 'functions[0].execution.uniform.min'],
  ])('%s = %j', (path, value, message, where = path) => {
    const p = withValue(path, value);
    expect(p.map((x) => x.where)).toContain(where);
    expect(p.find((x) => x.where === where)!.message).toMatch(message);
  });

  it('a workflow payload of -1 is rejected', () => {
    const s = base();
    s.workflows = [
      {
        name: 'w',
        stages: [
          { name: 'a', function: 'f' },
          { name: 'b', function: 'f', after: ['a'], payload: -1 },
        ],
      },
    ];
    const p = problems(() => validateScenario(s, 'x.json'));
    expect(p).toContainEqual({ file: 'x.json', where: 'workflows[0].stages[1].payload', message: 'expected a size >= 0 and <= 1TiB, got -1' });
  });
});

describe('non-finite values', () => {
  it.each([
    ['duration', '1e999s', /"1e999s" is not a finite duration/],
    ['duration', 1e308, /not a finite duration|expected a duration > 0 and <= 365d/],
    ['functions[0].coldStart', '1e999s', /not a finite duration/],
    ['platform.maxQueueWait', 1e308, /duration/],
    ['output.timeseries', '1e999s', /not a finite duration/],
    ['functions[0].execution', { lognormal: { median: '10ms', sigma: 2 ** 31 } }, /expected number to be <=10\b/, 'functions[0].execution.lognormal.sigma'],
  ])('%s = %j', (path, value, message, where = path) => {
    const p = withValue(path, value);
    expect(p.find((x) => x.where === where)?.message).toMatch(message);
  });

  it('a lognormal whose largest draw is past 2^53 us is rejected, naming the field', () => {
    const p = withValue('functions[0].execution', { lognormal: { median: '1h', sigma: 8 } });
    expect(p.find((x) => x.where === 'functions[0].execution')?.message).toMatch(/can draw .* past the 9007199254740991 us/);
  });
});

describe('sizes a run cannot allocate or finish', () => {
  it.each([
    ['workload[0]', { burst: { function: 'f', size: 2 ** 31, every: '1s' } }, /expected number to be <=1000000\b/, 'workload[0].burst.size'],
    ['fleet.nodes[0].count', 2 ** 31, /expected number to be <=100000\b/],
    ['workload[0]', { azure2019: { dir: 'x', rateScale: 1e9 } }, /expected number to be <=1000\b/, 'workload[0].azure2019.rateScale'],
    ['duration', '400d', /expected a duration > 0 and <= 365d/],
  ])('%s = %j', (path, value, message, where = path) => {
    const p = withValue(path, value);
    expect(p.find((x) => x.where === where)?.message).toMatch(message);
  });

  it('10 million nodes over several groups exceed the fleet bound', () => {
    const s = base();
    s.fleet.nodes = Array.from({ length: 100 }, () => ({ count: 100_000, cores: 1, memory: '1GiB' }));
    const p = problems(() => validateScenario(s, 'x.json'));
    expect(p).toContainEqual({ file: 'x.json', where: 'fleet.nodes', message: '10000000 nodes in all; expected at most 100000' });
  });

  it('time-series rows past 10 million name both fields', () => {
    const p = withValue('output.timeseries', '1us');
    expect(p.find((x) => x.where === 'output.timeseries')?.message).toMatch(
      /duration 10m \/ output.timeseries 1us gives 600000000 time-series rows; expected at most 10000000/,
    );
  });

  it('a 2019 window past the days replayed names windowMinutes', () => {
    const p = withValue('workload[0]', { azure2019: { dir: 'x', windowMinutes: [1400, 1500] } });
    expect(p.find((x) => x.where === 'workload[0].azure2019.windowMinutes')?.message).toMatch(/ends past the 1440 minutes of the 1 day/);
  });
});

describe('structure', () => {
  it('10,000-deep nesting is reported with line and column, not a stack overflow', () => {
    const text = `{"version": 1, "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const p = problems(() => parseJsonText(text, 'deep.json'));
    expect(p).toEqual([{ file: 'deep.json', where: 'line 1, column 84', message: 'nested deeper than 64 levels of arrays and objects' }]);
  });

  it('a sweep file nested 10,000 deep is reported the same way (same parser)', () => {
    const file = join(tmpdir(), 'deep-sweep.json');
    writeFileSync(file, `{"x": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`);
    expect(problems(() => loadSweep(file))[0]!.message).toBe('nested deeper than 64 levels of arrays and objects');
  });

  it('--set on a root that is not an object is an InputError', () => {
    for (const root of [null, 3, true]) {
      const p = problems(() => applyOverrides(root, ['seed=2'], 'r.json'));
      expect(p[0]!.message).toMatch(/the scenario's root must be an object/);
    }
  });

  it('a UTF-8 BOM is accepted; UTF-16 is named', () => {
    const dir = tmpdir();
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, '\ufeff' + JSON.stringify(base()));
    expect(loadScenarioFile(bom).duration).toBe('10m');
    const u16 = join(dir, 'u16.json');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(base()), 'utf16le')]));
    expect(problems(() => loadScenarioFile(u16))).toEqual([{ file: u16, message: 'file is UTF-16 (or holds NUL bytes); save it as UTF-8' }]);
  });
});

it('a file with 5 mixed problems reports all 5 in one error', () => {
  const s = base();
  s.bogus = true; // schema: unknown field
  s.functions[0].memory = '-8GiB'; // schema: negative size
  s.output = { timeseries: '0s' }; // schema: interval must be > 0
  s.fleet.nodes[0].disk = 'floppy'; // semantic: unknown disk
  s.workload[0].poisson.function = 'nope'; // semantic: unknown function
  const p = problems(() => validateScenario(s, 'five.json'));
  expect(p.map((x) => x.where).sort()).toEqual(
    ['(root)', 'fleet.nodes[0].disk', 'functions[0].memory', 'output.timeseries', 'workload[0].poisson.function'].sort(),
  );
});

it('sim schema publishes the domains', () => {
  const text = JSON.stringify(scenarioJsonSchema());
  expect(text).toContain('domain: > 0 and <= 365d');
  expect(text).toContain('domain: >= 1Mbps and <= 10Tbps');
  expect(text).toContain('domain: >= 0.000000001/s and <= 1000000/s');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a walk through the generated JSON Schema, whose type is unknown
  const nodes = (scenarioJsonSchema() as any).properties.fleet.properties.nodes.items.properties;
  expect(nodes.count.maximum).toBe(100_000);
  expect(nodes.cores.maximum).toBe(4096);
});

describe('a generated file with millions of problems', () => {
  it('reports a repeated name once per list and lists at most 200 problems, counting the rest', () => {
    const stages = [
      { name: 'a', function: 'f' },
      { name: 'b', function: 'f', after: Array.from({ length: 2000 }, () => 'a') },
    ];
    const raw = {
      version: 1,
      fleet: { nodes: [{ cores: 1, memory: '1GiB' }] },
      functions: [{ name: 'f', memory: '128MiB', execution: '1ms' }],
      workflows: Array.from({ length: 500 }, (_, i) => ({ name: `w${i}`, stages })),
    };
    let err: InputError | undefined;
    try {
      validateScenario(raw, 'gen.json');
    } catch (e) {
      err = e as InputError;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err!.total).toBe(500); // one "listed twice" per workflow, not 1,999
    expect(err!.problems).toHaveLength(201);
    expect(err!.problems[200]!.message).toBe('... and 300 more problem(s) not listed');
  });
});
