// functions.csv's per-function percentiles come from one histogram per function: they must match
// the known latencies of a tiny run, be empty where a function has no sample, and each function's
// histogram must agree with the run's overall one when it is the only function.
import { describe, expect, it } from 'vitest';
import { FUNCTION_COLUMNS } from '../../src/metrics/summary.ts';
import { simulate } from '../../src/simulate.ts';
import { scenario } from '../helpers.ts';

const col = (name: (typeof FUNCTION_COLUMNS)[number]) => FUNCTION_COLUMNS.indexOf(name);

describe('per-function percentiles', () => {
  it('gives exact percentiles of constant latencies, empty cells without samples', async () => {
    // f: one request every 10 s with a 100 ms execution and a 500 ms cold start, kept alive
    // 1 h: the first request is cold (600 ms), the other five warm (100 ms). g: never invoked.
    const r = await simulate(
      scenario({
        functions: [
          { name: 'f', memory: '256MiB', execution: '100ms' },
          { name: 'g', memory: '256MiB', execution: '100ms' },
        ],
        workload: [{ fixed: { function: 'f', interval: '10s' } }],
        policies: { keepAlive: 'fixed(ttl=1h)' },
        coldStart: { mode: 'delay', delay: '500ms' },
      }),
    );
    const [f, g] = r.functions;
    expect(f![col('completed')]).toBe(6);
    // Within the histogram's 0.4% (a bucket's midpoint, clamped to the exact minimum and maximum).
    const near = (c: (typeof FUNCTION_COLUMNS)[number], ms: number) => expect(Math.abs((f![col(c)] as number) / ms - 1), c).toBeLessThan(0.004);
    near('p50_latency_ms', 100);
    // Rank q x (n - 1) = 4.95 of 0..5 falls on a warm one; the cold one is the maximum.
    near('p99_latency_ms', 100);
    near('max_latency_ms', 600);
    expect(f![col('p50_wait_ms')]).toBe(0); // exact below 128 us
    near('p50_cold_wait_ms', 500);
    for (const c of ['p50_latency_ms', 'p99_wait_ms', 'p90_cold_wait_ms'] as const) expect(g![col(c)]).toBe('');
  });

  it("matches the run's overall percentiles when there is one function (over more requests than one batch)", async () => {
    const r = await simulate(
      scenario({
        fleet: { nodes: [{ count: 2, cores: 64, memory: '64GiB' }] },
        functions: [{ name: 'f', memory: '256MiB', execution: { lognormal: { median: '50ms', sigma: 1 } } }],
        workload: [{ poisson: { function: 'f', rate: '400/s' } }],
      }),
    );
    const { endToEnd: lat, queueing } = (r.summary as { latencyMs: Record<string, { p50: number; p90: number; p99: number }> }).latencyMs as {
      endToEnd: { p50: number; p90: number; p99: number };
      queueing: { p50: number; p90: number; p99: number };
    };
    const f = r.functions[0]!;
    expect(f[col('completed')]).toBeGreaterThan(1 << 14);
    expect([f[col('p50_latency_ms')], f[col('p90_latency_ms')], f[col('p99_latency_ms')]]).toEqual([lat.p50, lat.p90, lat.p99]);
    expect([f[col('p50_wait_ms')], f[col('p90_wait_ms')], f[col('p99_wait_ms')]]).toEqual([queueing.p50, queueing.p90, queueing.p99]);
  });
});
