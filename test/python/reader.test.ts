// The Python reader (python/serverless_dc_sim) against real outputs: run folders and a sweep are
// made here, then python/tests/test_reader.py checks dtypes, nullable integers, row counts and the
// sweep API with Debian's pandas. Skipped with a message where that Python is absent, except in CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';
import { scenario, simCli } from '../helpers.ts';
import { findPython, missing } from './python-env.ts';

const ROOT = join(import.meta.dirname, '../..');
const MODULES = ['pandas'];
const python = findPython(MODULES);
if (!python) missing('python reader tests', MODULES);

describe.skipIf(!python)('python reader', () => {
  it('reads run folders and a sweep with the documented dtypes (python/tests/test_reader.py)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'py-reader-'));
    // Overloaded (drops), a function named "NA" and one never invoked, per-function series.
    const run = join(tmp, 'run');
    await simulate(
      scenario({
        duration: '1m',
        fleet: { nodes: [{ count: 1, cores: 2, memory: '1GiB' }] },
        functions: [
          { name: 'NA', memory: '256MiB', execution: '50ms' },
          { name: 'b', memory: '256MiB', execution: { exponential: { mean: '2s' } } },
          { name: 'idle', memory: '256MiB', execution: '10ms' },
        ],
        workload: [{ poisson: { function: 'NA', rate: '20/s' } }, { burst: { function: 'b', size: 30, every: '20s' } }],
        platform: { maxQueueWait: '1s' },
        output: { timeseries: '10s', functionTimeseries: { top: 3 } },
      }),
      { outDir: run },
    );
    const traceRun = join(tmp, 'trace');
    const az = JSON.parse(readFileSync(join(ROOT, 'scenarios/azure-sample.json'), 'utf8'));
    await simulate(
      validateScenario({ ...az, duration: '2m', output: { invocations: 0.5, timeseries: '1m', functionTimeseries: { top: 3 }, compression: 'gzip' } }),
      { outDir: traceRun },
    );
    // The trace replay again with InVitro's record columns.
    const invitroRun = join(tmp, 'invitro');
    await simulate(validateScenario({ ...az, duration: '2m', output: { invocations: 0.5, invocationColumns: 'invitro', timeseries: '1m' } }), {
      outDir: invitroRun,
    });
    // A divided fleet: functions.csv has its `cell` column.
    const dividedRun = join(tmp, 'divided');
    await simulate(validateScenario({ ...az, duration: '2m', fleet: { ...az.fleet, cells: 4 }, output: { invocations: 0.5, timeseries: '1m' } }), {
      outDir: dividedRun,
    });
    const sweepFile = join(tmp, 'sweep.json');
    const sw = JSON.parse(readFileSync(join(ROOT, 'scenarios/sweeps/keepalive-ttl.json'), 'utf8'));
    writeFileSync(
      sweepFile,
      JSON.stringify({ ...sw, base: join(ROOT, 'scenarios/quickstart.json'), set: { ...sw.set, duration: '10s', 'output.invocations': true } }),
    );
    const sweep = join(tmp, 'sweep');
    expect(simCli(['sweep', sweepFile, '--out', sweep, '--quiet', '--jobs', '1']).code).toBe(0);

    const r = spawnSync(python!, ['-m', 'unittest', 'discover', '-v', '-s', join(ROOT, 'python/tests'), '-p', 'test_reader.py'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        SIM_TEST_RUN: run,
        SIM_TEST_TRACE_RUN: traceRun,
        SIM_TEST_INVITRO_RUN: invitroRun,
        SIM_TEST_DIVIDED_RUN: dividedRun,
        SIM_TEST_SWEEP: sweep,
      },
    });
    expect(r.stderr).toMatch(/\nOK\s*$/);
    expect(r.stderr).not.toMatch(/skipped/i);
    expect(r.status).toBe(0);
  });
});
