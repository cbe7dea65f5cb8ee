// A sweep's extra metrics are checked against the shape of summary.json when the sweep is read:
// a path no summary can have is an input error before any run (it used to surface only after
// every run, leaving their folders behind an exit 2).
import { afterAll, describe, expect, it } from 'vitest';
import { loadSweep } from '../../src/experiments/load-sweep.ts';
import { metricPathProblem } from '../../src/experiments/metric-paths.ts';
import { InputError } from '../../src/input/errors.ts';
import { cleanup, SWEEP, writeSweep } from './fixtures.ts';

afterAll(cleanup);

describe('sweep metric paths', () => {
  it('accepts fixed fields and any key of the maps a run fills', () => {
    for (const m of [
      'latencyMs.queueing.p99',
      'memory.idleGBs',
      'invocations.dropped.byReason.queue-timeout',
      'coldStarts.byPath.vanilla.startTimeMs.p50',
      'workflows.runs',
      'policyStats.anything',
    ]) {
      expect(metricPathProblem(m), m).toBeNull();
    }
  });

  it('names a typo, the level it is at and what is there', () => {
    expect(metricPathProblem('latencyMs.queueing.p99x')).toMatch(/"p99x" is not a field under "latencyMs.queueing" \(there: count, mean, p50/);
    expect(metricPathProblem('1e999s')).toMatch(/not a field at the top of summary.json/);
    expect(metricPathProblem('latencyMs.queueing.p99.x')).toMatch(/is a value, not a section/);
    expect(metricPathProblem('__proto__')).not.toBeNull();
  });

  it('loadSweep reports every bad metric at once', () => {
    const file = writeSweep({ ...SWEEP, metrics: ['latencyMs.queueing.p99', 'latencyMs.queueing.p99x', 'cost.user.totalUSDs'] });
    let err: unknown;
    try {
      loadSweep(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.where)).toEqual(['metrics[1]', 'metrics[2]']);
  });
});
