// Rate-limited scale-out per function or per app (Azure: "the unit of scale for Azure Functions is
// the function app"): with scaleOutUnit=app the starts of all functions of one app share the rate.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyOverrides, validateScenario } from '../../src/scenario/load.ts';
import { simulateLoaded } from '../../src/simulate.ts';

const dir = mkdtempSync(join(tmpdir(), 'scale-unit-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

/** First dispatch (us) of every instance, sorted: when each instance began serving. */
function instanceStarts(apps: [string, string], sets: string[]): number[] {
  const raw = applyOverrides(
    {
      version: 1,
      name: 'scale-unit',
      duration: '1s',
      fleet: { nodes: [{ count: 1, cores: 64, memory: '256GiB' }] },
      functions: [
        { name: 'f', app: apps[0], memory: '1GiB', execution: '30s' },
        { name: 'g', app: apps[1], memory: '1GiB', execution: '30s' },
      ],
      workload: [{ burst: { function: 'f', size: 3, every: '10m' } }, { burst: { function: 'g', size: 3, every: '10m' } }],
      platform: { provider: 'google-cloud-functions', maxScaleOutRate: '1/s' },
    },
    ['platform.propagation=0ms', 'platform.frontEnd=0ms', 'deployment.runtimeStart=100ms', 'deployment.fetchSigma=0', ...sets],
  );
  const out = join(dir, `run-${runs++}`);
  simulateLoaded(validateScenario(raw), [], { outDir: out });
  const lines = readFileSync(join(out, 'invocations.csv'), 'utf8').trim().split('\n');
  const h = lines[0]!.split(',');
  const first = new Map<string, number>();
  for (const l of lines.slice(1)) {
    const c = l.split(',');
    const key = `${c[h.indexOf('function')]}/${c[h.indexOf('instance')]}`;
    const t = Number(c[h.indexOf('dispatch_us')]);
    if (!first.has(key) || t < first.get(key)!) first.set(key, t);
  }
  return [...first.values()].sort((a, b) => a - b);
}

describe('scale-out unit', () => {
  it('per function (default): each function starts one instance a second, both at once', () => {
    expect(instanceStarts(['shop', 'shop'], [])).toEqual([100_000, 100_000, 1_100_000, 1_100_000, 2_100_000, 2_100_000]);
  });

  it('per app: two functions of one app share one start a second', () => {
    expect(instanceStarts(['shop', 'shop'], ['platform.scaleOutUnit=app'])).toEqual([100_000, 1_100_000, 2_100_000, 3_100_000, 4_100_000, 5_100_000]);
  });

  it('per app with functions in different apps: as per function', () => {
    expect(instanceStarts(['shop', 'blog'], ['platform.scaleOutUnit=app'])).toEqual([100_000, 100_000, 1_100_000, 1_100_000, 2_100_000, 2_100_000]);
  });

  it('the azure-functions preset limits per app', () => {
    const s = validateScenario({
      version: 1,
      name: 'x',
      duration: '1s',
      fleet: { nodes: [{ count: 1, cores: 4, memory: '8GiB' }] },
      functions: [{ name: 'f', memory: '1GiB', execution: '1ms' }],
      workload: [],
      platform: { provider: 'azure-functions' },
    });
    expect(s.platform).toMatchObject({ maxScaleOutRate: '1/s', scaleOutUnit: 'app' });
  });
});
