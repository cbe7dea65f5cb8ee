// A full datacenter: requests wait in the activator queue, then are dropped with a reason after
// the bounded wait; memory freed by keep-alive expiry lets waiting requests through.
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../../src/scenario/build.ts';
import { simulate } from '../../src/simulate.ts';
import { scenario } from '../helpers.ts';

describe('activator queue', () => {
  it('queues when nothing fits and drops after the bounded wait with a reason', async () => {
    const s = scenario({
      // One node that fits two 1 GiB instances; both are busy for 10 s.
      fleet: { nodes: [{ count: 1, cores: 4, memory: '2GiB' }] },
      functions: [{ name: 'slow', memory: '1GiB', execution: '10s', coldStart: '100ms' }],
      workload: [{ burst: { function: 'slow', size: 3, every: '1h' } }],
      platform: { maxQueueWait: '2s' },
    });
    const { sim, platform, recorder } = buildSimulation(s, { invocationsPath: null });
    sim.run(0);
    expect(recorder.instancesStarted).toBe(2);
    expect(platform.queued).toBe(3);
    sim.run(1_999_999);
    expect(platform.queued).toBe(1); // two started executing, one still waits for capacity
    expect(recorder.dropped.size).toBe(0);
    sim.run(2_000_000);
    expect(platform.queued).toBe(0);
    expect(recorder.dropped.get('no-capacity')).toBe(1);
    sim.run();
    expect(recorder.completed).toBe(2);
    expect(recorder.arrivals).toBe(3);
  });

  it('evicts idle instances of other functions to make room', async () => {
    const s = scenario({
      duration: '10s',
      fleet: { nodes: [{ count: 1, cores: 4, memory: '1GiB' }] },
      functions: [
        { name: 'a', memory: '1GiB', execution: '10ms', coldStart: '10ms' },
        { name: 'b', memory: '1GiB', execution: '10ms', coldStart: '10ms' },
      ],
      workload: [{ fixed: { function: 'a', interval: '1h' } }, { fixed: { function: 'b', interval: '1h', offset: '1s' } }],
    });
    const r = await simulate(s);
    const inv = r.summary.invocations as { completed: number; dropped: { total: number } };
    expect(inv.completed).toBe(2);
    expect(inv.dropped.total).toBe(0);
    expect((r.summary.memory as { teardowns: Record<string, number> }).teardowns.evicted).toBe(1);
  });
});
