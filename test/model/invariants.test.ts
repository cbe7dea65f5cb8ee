// Property tests on random small datacenters: memory in use never exceeds a node's capacity,
// time never goes backwards, and every arrival ends exactly once.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { buildSimulation } from '../../src/scenario/build.ts';
import type { Invocation } from '../../src/model/invocation.ts';
import { scenario } from '../helpers.ts';

function randomScenario(seed: number) {
  const r = new RandomStreams(seed).stream('scenario');
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r.next() * xs.length)]!;
  const nFunctions = 1 + Math.floor(r.next() * 6);
  const functions = Array.from({ length: nFunctions }, (_, i) => ({
    name: `f${i}`,
    memory: pick(['128MiB', '256MiB', '512MiB', '1GiB', '2GiB']),
    vcpus: pick([0.5, 1, 2]),
    concurrency: pick([1, 1, 2, 4]),
    execution: { lognormal: { median: pick(['5ms', '50ms', '500ms', '3s']), sigma: pick([0.2, 0.8, 1.5]) } },
    coldStart: { uniform: { min: '50ms', max: pick(['200ms', '2s']) } },
  }));
  const workload = functions.map((f) =>
    r.next() < 0.7
      ? { poisson: { function: f.name, rate: pick(['0.5/s', '5/s', '30/s', '2/m']) } }
      : { burst: { function: f.name, size: pick([5, 20, 60]), every: pick(['10s', '45s']) } },
  );
  return scenario({
    seed,
    duration: '2m',
    fleet: {
      nodes: [
        { count: 1 + Math.floor(r.next() * 3), cores: pick([1, 2, 8]), memory: pick(['2GiB', '4GiB']) },
        { count: 1, cores: 4, memory: '3GiB' },
      ],
    },
    functions,
    workload,
    policies: {
      keepAlive: pick(['fixed(ttl=5s)', 'fixed(ttl=1m)', 'none', 'lru', 'greedy-dual', 'hybrid(range=1m,bin=5s)']),
      placement: pick(['least-loaded', 'first-fit', 'random', 'round-robin']),
      autoscaler: pick(['per-request', 'per-request', 'kpa']),
    },
    platform: { maxQueueWait: pick(['1s', '10s', '1m']), cpu: pick(['processor-sharing', 'none']) },
  });
}

describe('invariants on random scenarios', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`scenario seed ${seed}`, () => {
      const s = randomScenario(seed);
      const { sim, platform, recorder, duration } = buildSimulation(s, { invocationsPath: null });
      const ended = new Map<number, number>();
      const original = recorder.ended.bind(recorder);
      recorder.ended = (inv: Invocation, now: number) => {
        ended.set(inv.id, (ended.get(inv.id) ?? 0) + 1);
        expect(['completed', 'dropped', 'failed']).toContain(inv.outcome);
        if (inv.outcome !== 'completed') expect(inv.reason).not.toBe('');
        original(inv, now);
      };
      let last = 0;
      for (;;) {
        const t = sim.peekTime();
        if (t === Infinity || (t >= duration && platform.inFlight === 0)) break;
        sim.step();
        expect(sim.now).toBeGreaterThanOrEqual(last);
        last = sim.now;
        for (const n of platform.nodes) {
          if (n.usedMiB > n.memoryMiB) throw new Error(`node ${n.index} holds ${n.usedMiB} of ${n.memoryMiB} MiB at ${sim.now}`);
        }
      }
      expect(platform.inFlight).toBe(0);
      expect(ended.size).toBe(recorder.arrivals);
      for (const count of ended.values()) expect(count).toBe(1);
      const droppedTotal = [...recorder.dropped.values()].reduce((a, b) => a + b, 0);
      expect(recorder.completed + droppedTotal).toBe(recorder.arrivals);
    });
  }
});
