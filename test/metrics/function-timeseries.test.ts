// function-timeseries.csv: per chosen function, the same state and counts as timeseries.csv, so
// with every function chosen its rows must sum to timeseries.csv's at every sample (including
// queued requests bound to starting instances and an overloaded fleet that drops requests).
import { describe, expect, it } from 'vitest';
import { FUNCTION_TIMESERIES_COLUMNS } from '../../src/metrics/function-timeseries.ts';
import { TIMESERIES_COLUMNS } from '../../src/metrics/timeseries.ts';
import { InputError } from '../../src/input/errors.ts';
import { simulate } from '../../src/simulate.ts';
import { scenario } from '../helpers.ts';

const SUMMED = ['instances', 'starting', 'idle', 'busy', 'queue_length', 'arrivals', 'completed', 'cold_starts', 'dropped'] as const;

function expectSums(r: Awaited<ReturnType<typeof simulate>>, functions: number): void {
  const rows = r.functionTimeseries!;
  expect(rows.length).toBe(r.timeseries.length * functions);
  r.timeseries.forEach((g, t) => {
    const mine = rows.slice(t * functions, (t + 1) * functions);
    for (const c of SUMMED) {
      const sum = mine.reduce((a, row) => a + (row[FUNCTION_TIMESERIES_COLUMNS.indexOf(c)] as number), 0);
      expect(sum, `${c} at ${g[0]} s`).toBe(g[TIMESERIES_COLUMNS.indexOf(c)]);
    }
  });
}

const three = {
  duration: '2m',
  fleet: { nodes: [{ count: 1, cores: 2, memory: '1GiB' }] },
  functions: [
    { name: 'a', memory: '256MiB', execution: '50ms' },
    { name: 'b', memory: '256MiB', execution: { exponential: { mean: '2s' } } },
    { name: 'c', memory: '256MiB', execution: '10ms' },
  ],
  workload: [{ poisson: { function: 'a', rate: '20/s' } }, { burst: { function: 'b', size: 30, every: '30s' } }, { poisson: { function: 'c', rate: '1/s' } }],
  policies: { keepAlive: 'fixed(ttl=20s)' },
  platform: { maxQueueWait: '1s' },
};

describe('function-timeseries', () => {
  it('sums to timeseries.csv over all functions on an overloaded fleet; named first, then top k by expected arrivals', async () => {
    const r = await simulate(scenario({ ...three, output: { functionTimeseries: { functions: ['c'], top: 5 } } }));
    expect(r.functionTimeseries!.slice(0, 3).map((row) => row[1])).toEqual(['c', 'a', 'b']);
    expect((r.summary as { invocations: { dropped: { total: number } } }).invocations.dropped.total).toBeGreaterThan(0);
    expectSums(r, 3);
  });

  it('sums to timeseries.csv with bound cold starts (the aws-lambda preset)', async () => {
    const r = await simulate(
      scenario({
        duration: '3m',
        fleet: { nodes: [{ count: 2, cores: 8, memory: '16GiB' }] },
        functions: [
          { name: 'api', memory: '1GiB', execution: '120ms' },
          { name: 'x', memory: '512MiB', execution: '1s' },
        ],
        workload: [
          { poisson: { function: 'api', rate: '5/s' } },
          { burst: { function: 'api', size: 40, every: '1m', offset: '4900ms' } },
          { poisson: { function: 'x', rate: '1/s' } },
        ],
        platform: { provider: 'aws-lambda' },
        output: { timeseries: '1s', functionTimeseries: { top: 2 } },
      }),
    );
    expect(Math.max(...r.timeseries.map((row) => row[TIMESERIES_COLUMNS.indexOf('queue_length')]!))).toBeGreaterThan(10); // bound to starting instances
    expectSums(r, 2);
  });

  it('is absent unless asked for; an unknown function is an input error naming the field', async () => {
    expect((await simulate(scenario(three))).functionTimeseries).toBeNull();
    await expect(simulate(scenario({ ...three, output: { functionTimeseries: { functions: ['nope'] } } }))).rejects.toThrow(InputError);
    await expect(simulate(scenario({ ...three, output: { functionTimeseries: { functions: ['nope'] } } }))).rejects.toThrow(
      /functionTimeseries\.functions\[0\].*nope/s,
    );
  });
});

describe('function-timeseries bound', () => {
  it('refuses more than MAX_TIMESERIES_ROWS rows in all, naming the field', () => {
    const at = (duration: string) => () => scenario({ ...three, duration, output: { timeseries: '1s', functionTimeseries: { top: 1000 } } });
    expect(at('1h')).not.toThrow(); // 3,600 samples x 1,000 functions
    expect(at('3h')).toThrow(/output\.functionTimeseries.*10800000 rows; expected at most 10000000/s);
  });
});
