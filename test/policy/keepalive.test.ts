// Keep-alive and eviction policies, stepping the engine: hybrid histogram pre-warming, Greedy-Dual
// and LRU eviction order.
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../../src/scenario/build.ts';
import { MINUTE, SECOND } from '../../src/engine/time.ts';
import { GreedyDualKeepAlive } from '../../src/policy/keepalive/greedy-dual.ts';
import { HybridHistogramKeepAlive } from '../../src/policy/keepalive/hybrid-histogram.ts';
import { buildKeepAlive } from '../../src/policy/registry.ts';
import { scenario } from '../helpers.ts';

describe('hybrid histogram keep-alive', () => {
  it('pre-warms a periodic app shortly before its next arrival and keeps nothing idle in between', () => {
    const s = scenario({
      duration: '6h',
      functions: [{ name: 'cron', memory: '256MiB', execution: '1s', coldStart: '500ms' }],
      workload: [{ fixed: { function: 'cron', interval: '30m' } }],
      policies: { keepAlive: 'hybrid' },
    });
    const { sim, platform, recorder } = buildSimulation(s, { invocationsPath: null });
    // First arrival: cold; no history yet, so it is kept for the range (4 h) and the second is warm.
    sim.run(30 * MINUTE);
    expect(recorder.coldInvocations).toBe(1);
    expect(recorder.arrivals).toBe(2);
    // The idle time (~29 min) is now in one bin: pre-warm = 29 min - 10%, keep-alive to 30 min + 10%.
    // After the second invocation ends the instance is unloaded...
    sim.run(30 * MINUTE + 1 * SECOND);
    expect(platform.liveInstances).toBe(0);
    sim.run(30 * MINUTE + 20 * MINUTE);
    expect(platform.liveInstances).toBe(0);
    // ...and pre-warmed at 30 min + 1 s + 26.1 min, before the third arrival at 60 min.
    sim.run(30 * MINUTE + 1 * SECOND + 26.1 * MINUTE + 1 * SECOND);
    expect(platform.liveInstances).toBe(1);
    expect(recorder.prewarmStarted).toBe(1);
    sim.run(6 * 60 * MINUTE);
    // Every later arrival finds its pre-warmed instance.
    expect(recorder.arrivals).toBe(12);
    expect(recorder.coldInvocations).toBe(1);
    expect(recorder.prewarmHits).toBe(10);
    expect(recorder.prewarmMisses).toBe(0);
    // Idle memory: only the ~4 min pre-warm lead per period (plus the first 29 min), not 29 min each.
    const idleMin = recorder.idleMiBUs / 256 / MINUTE;
    expect(idleMin).toBeGreaterThan(29 + 10 * 3.5);
    expect(idleMin).toBeLessThan(29 + 10 * 4.5);
  });

  it('falls back to a fixed keep-alive of the range when idle times are spread evenly', () => {
    const ka = buildKeepAlive('hybrid') as HybridHistogramKeepAlive;
    const fn = { index: 0, name: 'f', app: 'app', memoryMiB: 256, vcpus: 1, concurrency: 1, meanExecutionUs: 1000, instances: 1 };
    const inst = { id: 0, fn: 0, node: 0, memoryMiB: 256, startedAt: 0, readyAt: 0, lastUsed: 0, served: 1, prewarmed: false, firstInvocationExtraUs: 0 };
    // Idle times cycling through every 1-minute bin of the 4 h range: a flat histogram (CV ~ 0).
    let t = 0;
    for (let i = 0; i < 480; i++) {
      ka.idleTimeout(inst, fn, t);
      t += ((i % 240) + 0.5) * MINUTE;
      ka.onArrival(fn, t);
    }
    expect(ka.decisions.uncertain).toBeGreaterThan(400);
    expect(ka.idleTimeout(inst, fn, t)).toBe(4 * 60 * MINUTE);
    expect(ka.prewarmAfter(fn)).toBe(-1);
    // Mostly out-of-range idle times switch to the forecaster: pre-warm 10% before the forecast.
    const oob = buildKeepAlive('hybrid') as HybridHistogramKeepAlive;
    for (let i = 0; i < 5; i++) {
      oob.idleTimeout(inst, fn, t);
      t += 10 * 60 * MINUTE;
      oob.onArrival(fn, t);
    }
    expect(oob.decisions.forecast).toBe(5);
    expect(oob.idleTimeout(inst, fn, t)).toBe(0);
    expect(oob.prewarmAfter(fn)).toBeCloseTo(0.9 * 10 * 60 * MINUTE);
  });
});

describe('eviction order under memory pressure', () => {
  // A node that fits two 1 GiB instances; a third function needs room.
  const fleet = { nodes: [{ count: 1, cores: 8, memory: '2GiB' }] };
  const fns = ['a', 'b', 'c'].map((name) => ({ name, memory: '1GiB', execution: '10ms', coldStart: '100ms' }));

  it('LRU evicts the least recently used idle instance', () => {
    const s = scenario({
      fleet,
      functions: fns,
      workload: [
        { fixed: { function: 'a', interval: '2s', end: '3s' } }, // a at 0 s and 2 s
        { fixed: { function: 'b', interval: '1h', offset: '1s' } }, // b at 1 s
        { fixed: { function: 'c', interval: '1h', offset: '3s' } }, // c at 3 s
      ],
      policies: { keepAlive: 'lru' },
    });
    const { sim, platform, recorder } = buildSimulation(s, { invocationsPath: null });
    sim.run(3 * SECOND - 1);
    expect(platform.liveInstances).toBe(2);
    sim.run(3 * SECOND);
    expect(recorder.teardowns.get('evicted')).toBe(1);
    const live = [...platform.nodes[0]!.idle].map((i) => platform.functions[i.fn]!.name);
    expect(live).toEqual(['a']); // b (used at 1 s) went, a (used at 2 s) stayed
  });

  it('Greedy-Dual evicts the lowest priority (least frequent here) and advances its clock', () => {
    const s = scenario({
      fleet,
      functions: fns,
      workload: [
        { fixed: { function: 'b', interval: '1h' } }, // b once, at 0 s (most recent use: 0 s)
        { fixed: { function: 'a', interval: '500ms', start: '1s', end: '3s' } }, // a 4 times, last at 2.5 s
        { fixed: { function: 'c', interval: '1h', offset: '4s' } },
      ],
      policies: { keepAlive: 'greedy-dual' },
    });
    const b = buildSimulation(s, { invocationsPath: null });
    const gd = (b.platform as unknown as { cfg: { keepAlive: GreedyDualKeepAlive } }).cfg.keepAlive;
    b.sim.run(4 * SECOND - 1);
    expect(gd.clock).toBe(0);
    const prioB = gd.evictionPriority(b.platform.getInstance(0)!);
    b.sim.run(4 * SECOND);
    expect(b.recorder.teardowns.get('evicted')).toBe(1);
    expect(b.platform.getInstance(0)).toBeUndefined(); // b's instance
    expect(gd.clock).toBe(prioB);
    expect(gd.clock).toBeGreaterThan(0);
  });

  it('Greedy-Dual prefers keeping a frequent function over a recent but rare one (unlike LRU)', () => {
    const make = (keepAlive: string) =>
      scenario({
        fleet,
        functions: fns,
        workload: [
          { fixed: { function: 'a', interval: '500ms', end: '2s' } }, // a frequent, last at 1.5 s
          { fixed: { function: 'b', interval: '1h', offset: '2s' } }, // b once, more recent
          { fixed: { function: 'c', interval: '1h', offset: '3s' } },
        ],
        policies: { keepAlive },
      });
    for (const [ka, survivor] of [
      ['lru', 'b'],
      ['greedy-dual', 'a'],
    ] as const) {
      const { sim, platform } = buildSimulation(make(ka), { invocationsPath: null });
      sim.run(3 * SECOND);
      const idle = [...platform.nodes[0]!.idle].map((i) => platform.functions[i.fn]!.name);
      expect(idle, ka).toEqual([survivor]);
    }
  });
});
