// Provider presets are plain settings: the resolved scenario shows every field a preset fills,
// --set overrides any of them, and a scenario that writes the fields out gives the same run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyOverrides, validateScenario } from '../../src/scenario/load.ts';
import { simulateLoaded } from '../../src/simulate.ts';
import { InputError } from '../../src/input/errors.ts';

const base = (provider: string) => ({
  version: 1,
  name: 'preset',
  seed: 3,
  duration: '2m',
  fleet: { nodes: [{ count: 2, cores: 16, memory: '64GiB' }] },
  functions: [{ name: 'f', memory: '1GiB', execution: { lognormal: { median: '200ms', sigma: 0.5 } } }],
  workload: [{ poisson: { function: 'f', rate: '20/s' } }, { burst: { function: 'f', size: 30, every: '40s' } }],
  platform: { provider },
});

const dir = mkdtempSync(join(tmpdir(), 'providers-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('provider presets', () => {
  it('fill every setting they name, printed in the resolved scenario', () => {
    const s = validateScenario(base('aws-lambda'));
    expect(s.platform).toMatchObject({
      provider: 'aws-lambda',
      coldBinding: 'bound',
      propagation: '26ms',
      frontEnd: { lognormal: { median: '18ms', sigma: 0.608 } },
      reportColdWaits: true,
    });
    expect(s.policies).toMatchObject({ autoscaler: 'per-request', keepAlive: 'fixed(ttl=10m)' });
    expect(s.functions[0]!.concurrency).toBe(1);
    expect(s.deployment).toMatchObject({ runtime: 'python', packaging: 'zip', storeBandwidth: '774Mbps' });
    expect(s.transfers.provider).toBe('aws-lambda-2021');
    const az = validateScenario(base('azure-functions'));
    expect(az.platform).toMatchObject({ coldBinding: 'first-free', instanceParallelism: 1, maxScaleOutRate: '1/s' });
    expect(az.functions[0]!.concurrency).toBe(100);
  });

  it('are overridden field by field with --set, and a runtime picks its own runtime start', () => {
    const raw = applyOverrides(base('aws-lambda'), ['policies.keepAlive=fixed(ttl=5m)', 'platform.coldBinding=first-free', 'deployment.runtime=java']);
    const s = validateScenario(raw);
    expect(s.policies.keepAlive).toBe('fixed(ttl=5m)');
    expect(s.platform.coldBinding).toBe('first-free');
    expect(s.deployment!.runtimeStart).toEqual({ lognormal: { median: '550.5ms', sigma: 0.189 } });
  });

  it('reject a runtime the preset has no calibration for, naming the field', () => {
    const raw = applyOverrides(base('azure-functions'), ['deployment.runtime=go']);
    expect(() => validateScenario(raw, 'x.json')).toThrow(InputError);
    try {
      validateScenario(raw, 'x.json');
    } catch (e) {
      expect((e as InputError).message).toMatch(/deployment\.runtimeStart.*azure-functions has no calibrated runtime start for go\/zip/);
    }
  });

  for (const provider of ['aws-lambda', 'google-cloud-functions', 'azure-functions', 'vhive-knative']) {
    it(`${provider}: the scenario written out field by field gives byte-identical results`, () => {
      const preset = validateScenario(base(provider));
      const plain = structuredClone(preset) as Record<string, unknown>;
      delete (plain.platform as Record<string, unknown>).provider;
      const explicit = validateScenario(plain);
      const a = join(dir, `${provider}-preset`);
      const b = join(dir, `${provider}-plain`);
      simulateLoaded(preset, [], { outDir: a });
      simulateLoaded(explicit, [], { outDir: b });
      for (const f of ['summary.json', 'invocations.csv', 'functions.csv', 'timeseries.csv']) {
        expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
      }
      const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
      expect(summary.invocations.completed).toBeGreaterThan(2000);
      // How the cold counts relate depends on the preset's binding (what the presets are for):
      const c = summary.coldStarts as { invocations: number; waitedForStart: number; instancesStarted: number };
      if (provider === 'aws-lambda') {
        // bound, one request per instance: every start serves the request that caused it, and
        // no request waits for a start it is not bound to.
        expect(c.waitedForStart).toBe(c.invocations);
        expect(c.invocations).toBe(c.instancesStarted);
      } else if (provider === 'azure-functions') {
        // A starting host accepts up to 100 requests: more cold requests than starts.
        expect(c.invocations).toBeGreaterThan(c.instancesStarted);
      } else {
        // first-free, one request per instance: some requests wait for a start and are served by
        // an instance that frees first, and some instances start for requests served elsewhere.
        expect(c.waitedForStart).toBeGreaterThan(c.invocations);
        expect(c.instancesStarted).toBeGreaterThan(c.invocations);
      }
    });
  }

  it('none (the default) adds nothing to the resolved scenario', () => {
    const s = validateScenario({ ...base('none') });
    expect(Object.keys(s.platform).sort()).toEqual(['cpu', 'maxQueueWait', 'provider']);
    expect(s.deployment).toBeUndefined();
  });
});
