// Steps the engine event by event through one function's life: arrival -> cold start ->
// execution -> idle -> warm reuse -> keep-alive expiry -> teardown.
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../../src/scenario/build.ts';
import { InstanceState } from '../../src/model/instance.ts';
import { scenario } from '../helpers.ts';

describe('instance and invocation lifecycle', () => {
  it('goes cold start -> busy -> idle -> warm reuse -> keep-alive teardown', () => {
    const s = scenario({
      functions: [{ name: 'f', memory: '256MiB', execution: '100ms', coldStart: '500ms' }],
      workload: [{ fixed: { function: 'f', interval: '1s', end: '1500ms' } }],
      policies: { keepAlive: 'fixed(ttl=2s)' },
    });
    const { sim, platform, recorder } = buildSimulation(s, { invocationsPath: null });
    const node = platform.nodes[0]!;
    const inst = () => platform.getInstance(0);

    // t=0: the first request arrives, finds nothing warm, and a new instance starts.
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(0);
    expect(recorder.arrivals).toBe(1);
    expect(inst()!.state).toBe(InstanceState.Starting);
    expect(node.usedMiB).toBe(256);
    expect(platform.queued).toBe(1);

    // t=500ms: the instance is ready and takes the waiting request (a cold invocation).
    sim.step();
    expect(sim.now).toBe(500_000);
    expect(inst()!.state).toBe(InstanceState.Busy);
    expect(platform.queued).toBe(0);
    expect(node.busyVcpus).toBe(1);

    // t=600ms: execution done; the instance becomes idle.
    sim.step();
    expect(sim.now).toBe(600_000);
    expect(recorder.completed).toBe(1);
    expect(recorder.coldInvocations).toBe(1);
    expect(inst()!.state).toBe(InstanceState.Idle);
    expect(node.idle.size).toBe(1);

    // t=1s: the second request reuses the warm instance at once.
    sim.step();
    expect(sim.now).toBe(1_000_000);
    expect(recorder.arrivals).toBe(2);
    expect(inst()!.state).toBe(InstanceState.Busy);
    expect(recorder.instancesStarted).toBe(1);

    // t=1.1s: done, idle again; its keep-alive now ends at 3.1 s.
    sim.step();
    expect(sim.now).toBe(1_100_000);
    expect(recorder.completed).toBe(2);
    expect(recorder.coldInvocations).toBe(1);
    expect(inst()!.state).toBe(InstanceState.Idle);

    // t=2.6s: the timer set in the first idle period fires early (the instance was used since)
    // and re-arms itself for the current expiry; no new timer was pushed when it went idle again.
    sim.step();
    expect(sim.now).toBe(2_600_000);
    expect(inst()!.state).toBe(InstanceState.Idle);

    // t=3.1s: the current keep-alive expires and the instance is torn down, memory released.
    sim.step();
    expect(sim.now).toBe(3_100_000);
    expect(inst()).toBeUndefined();
    expect(node.usedMiB).toBe(0);
    expect(recorder.teardowns.get('keepalive')).toBe(1);
    // Idle memory: 0.4 s + 2 s at 256 MiB.
    expect(recorder.idleMiBUs).toBe((400_000 + 2_000_000) * 256);

    // t=30s: the first request's queue timeout is stale too; then nothing is left.
    sim.step();
    expect(sim.now).toBe(30_000_000);
    expect(recorder.dropped.size).toBe(0);
    expect(sim.step()).toBe(false);
  });

  it('a request arriving while an instance starts waits for it instead of starting another', () => {
    const s = scenario({
      functions: [{ name: 'f', memory: '256MiB', execution: '100ms', concurrency: 2, coldStart: '500ms' }],
      workload: [{ burst: { function: 'f', size: 3, every: '1h' } }],
    });
    const { sim, platform, recorder } = buildSimulation(s, { invocationsPath: null });
    sim.step();
    sim.step();
    sim.step();
    // Three requests, concurrency 2: two instances start (2 + 1 slots), not three.
    expect(recorder.instancesStarted).toBe(2);
    expect(platform.queued).toBe(3);
    sim.run(500_000);
    expect(platform.queued).toBe(0);
    expect(platform.nodes[0]!.busyVcpus).toBe(3);
  });
});
