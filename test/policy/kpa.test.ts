// Knative KPA, stepping the engine: scale from zero through the activator, panic when the
// observed concurrency exceeds twice the target over the panic window, scale to zero after grace.
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../../src/scenario/build.ts';
import { SECOND } from '../../src/engine/time.ts';
import { KnativePodAutoscaler, type KpaParams } from '../../src/policy/autoscaler/kpa.ts';
import type { FunctionView } from '../../src/model/views.ts';
import { scenario } from '../helpers.ts';

describe('Knative KPA', () => {
  it('panics on a burst, scales up, then scales to zero after the grace period', () => {
    const s = scenario({
      duration: '5m',
      fleet: { nodes: [{ count: 1, cores: 64, memory: '64GiB' }] },
      functions: [{ name: 'k', memory: '256MiB', execution: '10s', coldStart: '1s' }],
      workload: [{ burst: { function: 'k', size: 20, every: '1h' } }],
      policies: { autoscaler: 'kpa', keepAlive: 'lru' },
    });
    const { sim, platform, recorder } = buildSimulation(s, { invocationsPath: null });
    const kpa = (platform as unknown as { cfg: { autoscaler: KnativePodAutoscaler } }).cfg.autoscaler;
    sim.run(0);
    // The activator starts one pod for a revision at zero; the other requests wait for the tick.
    expect(recorder.instancesStarted).toBe(1);
    expect(kpa.isPanicking(0)).toBe(false);
    // First tick (2 s): concurrency 20 over the panic window, target 0.7 per pod -> 29 pods wanted,
    // 29 / 1 ready >= 200%: panic; the KPA asks for 29 pods.
    sim.run(2 * SECOND);
    expect(kpa.isPanicking(0)).toBe(true);
    expect(recorder.instancesStarted).toBe(29);
    // In panic it never scales down, even as requests finish.
    sim.run(30 * SECOND);
    expect(recorder.completed).toBe(20);
    expect(platform.liveInstances).toBe(29);
    // Panic ends a stable window (60 s) after the last over-threshold tick; the stable average then
    // decays, the desire reaches zero, and after the 30 s grace the pods go away.
    sim.run(200 * SECOND);
    expect(kpa.isPanicking(0)).toBe(false);
    expect(platform.liveInstances).toBe(0);
    expect(recorder.teardowns.get('scaled-down')).toBe(29);
  });

  it('keeps a steady load near concurrency / target pods without panicking', () => {
    const s = scenario({
      duration: '5m',
      fleet: { nodes: [{ count: 1, cores: 64, memory: '64GiB' }] },
      functions: [{ name: 'k', memory: '256MiB', execution: '100ms', coldStart: '500ms' }],
      // 35 requests/s x 100 ms = 3.5 in flight on average; target 0.7 -> 5 pods.
      workload: [{ fixed: { function: 'k', interval: 1 / 35 } }],
      policies: { autoscaler: 'kpa', keepAlive: 'lru' },
    });
    const { sim, platform } = buildSimulation(s, { invocationsPath: null });
    const kpa = (platform as unknown as { cfg: { autoscaler: KnativePodAutoscaler } }).cfg.autoscaler;
    sim.run(240 * SECOND);
    expect(platform.liveInstances).toBeGreaterThanOrEqual(5);
    expect(platform.liveInstances).toBeLessThanOrEqual(6);
    expect(kpa.panicEntries).toBeLessThanOrEqual(1); // at most the start-up from zero
  });
});

describe('KPA rate limits (Knative max-scale-up-rate and max-scale-down-rate, on ready pods)', () => {
  const make = (over: Partial<KpaParams> = {}) =>
    new KnativePodAutoscaler({
      // One-tick windows, so that the averages follow each tick's concurrency at once.
      tickUs: 2 * SECOND,
      stableUs: 2 * SECOND,
      panicUs: 2 * SECOND,
      panicThreshold: 2,
      targetUtilization: 0.7,
      maxScaleUpRate: 1000,
      maxScaleDownRate: 2,
      scaleToZeroGraceUs: 30 * SECOND,
      text: 'test',
      ...over,
    });
  const fn = { index: 0, concurrency: 1 } as FunctionView;
  const tick = (k: KnativePodAutoscaler, t: number, concurrency: number, ready: number, instances = ready) =>
    k.onTick(fn, { queued: 0, startingSlots: instances - ready, instances, concurrency, ready }, t * 2 * SECOND);

  it('at most halves the ready pods per tick when the load goes away', () => {
    const k = make();
    expect(tick(k, 1, 14, 20)).toBe(20); // 14 / 0.7
    const seen: number[] = [];
    let ready = 20;
    for (let t = 2; t < 8; t++) seen.push((ready = tick(k, t, 0, ready)));
    // Unlimited, the desire would be 0 at once (1 during the scale-to-zero grace).
    expect(seen).toEqual([10, 5, 2, 1, 1, 1]);
    expect(tick(make({ maxScaleDownRate: 4 }), 1, 0, 20)).toBe(5);
  });

  it('caps scale-up by the ready pods, not by those still starting', () => {
    // 100 in flight, 1 ready and 4 starting, no panic: 2 x 1 ready = 2 pods at most (it was
    // 2 x 5 = 10). In panic the pods there are stay a floor (5).
    expect(tick(make({ maxScaleUpRate: 2, panicThreshold: 1000 }), 1, 100, 1, 5)).toBe(2);
    expect(tick(make({ maxScaleUpRate: 2 }), 1, 100, 1, 5)).toBe(5);
  });

  it('rejects rates that would freeze or invert scaling', () => {
    expect(() => make({ maxScaleDownRate: 1 })).toThrow(/maxScaleDown must be > 1/);
    expect(() => make({ maxScaleUpRate: 0.5 })).toThrow(/maxScaleUp must be > 1/);
  });
});
