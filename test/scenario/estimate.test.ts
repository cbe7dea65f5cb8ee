// The run-size estimate: close on arrivals for the example scenarios, and the decision that
// refuses an enormous run unless --force.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { loadTraces } from '../../src/scenario/traces.ts';
import { estimateRun, GZIP_RATIO, TIMESERIES_BYTES_PER_ROW } from '../../src/scenario/estimate.ts';
import { enormousProblems, MAX_EVENTS, refuseEnormous } from '../../src/scenario/estimate-limits.ts';
import { InputError } from '../../src/input/errors.ts';
import { simulate } from '../../src/simulate.ts';
import { scenario } from '../helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const SIM = join(ROOT, 'bin/sim.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sim-estimate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const huge = {
  version: 1,
  name: 'huge',
  duration: '1d',
  fleet: { nodes: [{ count: 1, cores: 2, memory: '2GiB' }] },
  functions: [{ name: 'f', memory: '128MiB', execution: '5ms' }],
  workload: [{ poisson: { function: 'f', rate: '1000000/s' } }],
};
const roomy = { memoryBytes: 64 * 2 ** 30, maxEvents: MAX_EVENTS, freeDiskBytes: 2 ** 40 };

describe('estimateRun', () => {
  it('arrivals within 10% of the actual ones on quickstart and azure-sample', async () => {
    for (const name of ['quickstart', 'azure-sample']) {
      const s = loadScenarioFile(join(ROOT, 'scenarios', `${name}.json`), { sets: [] });
      const cwd = process.cwd();
      process.chdir(ROOT); // trace paths are relative to the working directory
      try {
        const e = estimateRun(s, await loadTraces(s));
        const actual = (await simulate(s)).summary as { invocations: { arrivals: number } };
        expect(Math.abs(e.arrivals / actual.invocations.arrivals - 1), name).toBeLessThan(0.1);
        expect(e.notes).toEqual([]);
      } finally {
        process.chdir(cwd);
      }
    }
  });

  it('counts fixed and burst windows, workflow stages, and notes trace sources it did not read', () => {
    const s = scenario({
      duration: '10m',
      workload: [
        { fixed: { function: 'f', interval: '1m', offset: '30s' } }, // 30 s, 1:30, ... 9:30: 10
        { burst: { function: 'f', size: 5, every: '2m', start: '1m', end: '5m' } }, // 1:00, 3:00: 10
        { poisson: { function: 'f', rate: '2/s', start: '9m' } }, // 120
      ],
    });
    expect(estimateRun(s).arrivals).toBe(140);
  });

  it('a workflow source counts every stage instance, and an unread trace source counts nothing, with a note', () => {
    const s = scenario({
      duration: '10m',
      workflows: [
        {
          name: 'w',
          stages: [
            { name: 'split', function: 'f' },
            { name: 'map', function: 'f', after: ['split'], pattern: 'scatter', fanout: 3 },
            { name: 'reduce', function: 'f', after: ['map'], pattern: 'gather' },
          ],
        },
      ],
      workload: [
        { fixed: { workflow: 'w', interval: '1m', offset: '30s' } }, // 10 starts x (1 + 3 + 1) stages
        { azure2019: { dir: 'traces/azure-sample', days: [1], windowMinutes: [480, 490] } },
      ],
    });
    const e = estimateRun(s);
    expect(e.arrivals).toBe(50);
    expect(e.notes).toEqual(['workload[1]: trace source not counted (its files are read only when the run starts)']);
  });

  it('gzip output: the invocation rows count at a third of their plain size', () => {
    const plain = estimateRun(scenario({ duration: '1h', workload: [{ poisson: { function: 'f', rate: '100/s' } }] }));
    const gz = estimateRun(scenario({ duration: '1h', workload: [{ poisson: { function: 'f', rate: '100/s' } }], output: { compression: 'gzip' } }));
    const series = plain.timeseriesRows * TIMESERIES_BYTES_PER_ROW;
    expect(gz.outputBytes - series).toBe(Math.round((plain.outputBytes - series) / GZIP_RATIO));
  });

  it('an enormous scenario is refused with the estimates; --force (no check) and a small one pass', () => {
    const e = estimateRun(scenario(huge));
    expect(e.arrivals).toBe(86.4e9);
    const problems = enormousProblems([{ label: 'huge', estimate: e }], roomy);
    expect(problems.join('\n')).toMatch(/huge: too large: .*events above 18 G/);
    expect(() => refuseEnormous([{ label: 'huge', estimate: e }], roomy)).toThrow(/pass --force to run it anyway/);
    expect(() => refuseEnormous([{ label: 'huge', estimate: e }], roomy)).toThrow(InputError);
    const small = estimateRun(scenario({ workload: [{ poisson: { function: 'f', rate: '5/s' } }] }));
    expect(enormousProblems([{ label: 'small', estimate: small }], roomy)).toEqual([]);
    // Memory and disk each on their own.
    expect(enormousProblems([{ label: 'small', estimate: small }], { ...roomy, memoryBytes: 2 ** 20 })[0]).toMatch(/memory above/);
    expect(enormousProblems([{ label: 'small', estimate: small }], { ...roomy, freeDiskBytes: 10 })[0]).toMatch(/exceeds the .* free/);
  });

  it('sim run and sim sweep refuse an enormous run quickly: exit 2, nothing written', () => {
    writeFileSync(join(dir, 'huge.json'), JSON.stringify(huge));
    writeFileSync(
      join(dir, 'sweep.json'),
      JSON.stringify({ version: 1, name: 'big', base: 'huge.json', axes: { 'fleet.nodes[0].count': [1, 2] }, metrics: [] }),
    );
    const started = Date.now();
    const run = spawnSync(process.execPath, [SIM, 'run', join(dir, 'huge.json'), '--out', join(dir, 'out')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/too large: .*~86.4 G arrivals.*pass --force to run it anyway/s);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const sweep = spawnSync(process.execPath, [SIM, 'sweep', join(dir, 'sweep.json'), '--out', join(dir, 'sweep-out')], { encoding: 'utf8' });
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toMatch(/run \S+: too large/);
    expect(existsSync(join(dir, 'sweep-out'))).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
