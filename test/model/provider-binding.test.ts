// Request binding step by step under the provider presets (deterministic: no front-end delay, a
// constant 100 ms runtime start, 50 ms executions): AWS never queues a request at a busy instance
// and binds a cold request to the instance started for it; first-free lets it take the first slot
// that frees; per-instance concurrency serves a second request on the same instance; a
// rate-limited scale-out starts instances no faster than its rate.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyOverrides, validateScenario } from '../../src/scenario/load.ts';
import { simulateLoaded } from '../../src/simulate.ts';

const dir = mkdtempSync(join(tmpdir(), 'binding-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

interface Row {
  id: number;
  arrival: number;
  dispatch: number;
  end: number;
  cold: boolean;
  instance: number;
}

function run(provider: string, sets: string[], workload: unknown[], execution = '50ms') {
  const raw = applyOverrides(
    {
      version: 1,
      name: 'binding',
      duration: '1s',
      fleet: { nodes: [{ count: 1, cores: 64, memory: '256GiB' }] },
      functions: [{ name: 'f', memory: '1GiB', execution }],
      workload,
      platform: { provider },
    },
    ['platform.propagation=0ms', 'platform.frontEnd=0ms', 'deployment.runtimeStart=100ms', 'deployment.fetchSigma=0', ...sets],
  );
  const out = join(dir, `run-${runs++}`);
  const res = simulateLoaded(validateScenario(raw), [], { outDir: out });
  const lines = readFileSync(join(out, 'invocations.csv'), 'utf8').trim().split('\n');
  const h = lines[0]!.split(',');
  const col = (c: string[], name: string) => c[h.indexOf(name)]!;
  const rows: Row[] = lines.slice(1).map((l) => {
    const c = l.split(',');
    return {
      id: Number(col(c, 'id')),
      arrival: Number(col(c, 'arrival_us')),
      dispatch: Number(col(c, 'dispatch_us')),
      end: Number(col(c, 'end_us')),
      cold: col(c, 'cold') === '1' || col(c, 'cold') === 'true',
      instance: Number(col(c, 'instance')),
    };
  });
  rows.sort((a, b) => a.arrival - b.arrival || a.id - b.id);
  return { rows, summary: res.summary as { coldStarts: { invocations: number; instancesStarted: number; waitedForStart: number } } };
}

// A at 0 (cold: ready at 100 ms, runs to 150 ms); B at 120 ms while A's instance is busy.
const TWO = [{ fixed: { function: 'f', interval: '10m', offset: 0 } }, { fixed: { function: 'f', interval: '10m', offset: '120ms' } }];

describe('request binding per preset', () => {
  it('aws-lambda: B does not queue at the busy instance; it is bound to the instance started for it', () => {
    const { rows, summary } = run('aws-lambda', [], TWO);
    const [a, b] = rows;
    expect(a).toMatchObject({ arrival: 0, dispatch: 100_000, end: 150_000, instance: 0, cold: true });
    // Instance 0 frees at 150 ms, but B waits for its own instance (ready at 220 ms).
    expect(b).toMatchObject({ arrival: 120_000, dispatch: 220_000, end: 270_000, instance: 1, cold: true });
    expect(summary.coldStarts).toMatchObject({ invocations: 2, instancesStarted: 2, waitedForStart: 2 });
  });

  it('first-free (Knative activator): B takes the slot that frees first and counts as waited-for-start, not cold', () => {
    const { rows, summary } = run('aws-lambda', ['platform.coldBinding=first-free'], TWO);
    const [, b] = rows;
    expect(b).toMatchObject({ dispatch: 150_000, end: 200_000, instance: 0, cold: false });
    expect(summary.coldStarts).toMatchObject({ invocations: 1, instancesStarted: 2, waitedForStart: 2 });
  });

  it('azure-functions: B is accepted by the busy instance and queues there for its single Python worker', () => {
    const { rows, summary } = run('azure-functions', [], TWO);
    const [a, b] = rows;
    expect(a).toMatchObject({ dispatch: 100_000, end: 150_000, instance: 0, cold: true });
    expect(b).toMatchObject({ dispatch: 150_000, end: 200_000, instance: 0, cold: false });
    expect(summary.coldStarts.instancesStarted).toBe(1);
  });

  it('per-instance concurrency (google, concurrency 2 as in 2nd gen): B runs beside A on the same instance', () => {
    const { rows, summary } = run('google-cloud-functions', ['functions[0].concurrency=2'], TWO);
    const [, b] = rows;
    expect(b).toMatchObject({ dispatch: 120_000, end: 170_000, instance: 0, cold: false });
    expect(summary.coldStarts.instancesStarted).toBe(1);
  });

  it('rate-limited scale-out (1/s): a burst of 20 starts instance k no earlier than k seconds', () => {
    const { rows, summary } = run('google-cloud-functions', ['platform.maxScaleOutRate=1/s'], [{ burst: { function: 'f', size: 20, every: '10m' } }], '30s');
    const firstDispatch = new Map<number, number>();
    for (const r of rows) if (!firstDispatch.has(r.instance)) firstDispatch.set(r.instance, r.dispatch);
    for (const [inst, t] of firstDispatch) expect(t).toBeGreaterThanOrEqual(inst * 1_000_000 + 100_000);
    // Without the limit all 20 would start at once; with it, 20 instances take 19 s to begin.
    expect(summary.coldStarts.instancesStarted).toBe(20);
    expect(Math.max(...firstDispatch.values())).toBe(19 * 1_000_000 + 100_000);
    // aws-lambda (no limit): all at once.
    const aws = run('aws-lambda', [], [{ burst: { function: 'f', size: 20, every: '10m' } }], '30s');
    expect(Math.max(...aws.rows.map((r) => r.dispatch))).toBe(100_000);
  });
});
