import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.ts';
import { RandomStreams } from '../../../src/engine/random.ts';
import { createStartPath } from '../../../src/model/coldstart/factory.ts';
import { runColdStarts } from '../../../src/model/coldstart/experiment.ts';
import { getFunctionProfile } from '../../../src/model/coldstart/profiles.ts';
import type { StartOutcome, StartFunctionView } from '../../../src/model/coldstart/start-path.ts';
import { SnapshotStartPath } from '../../../src/model/coldstart/snapshot-path.ts';

const hello: StartFunctionView = { index: 0, name: 'hello', memoryMiB: 256, profile: 'reap/helloworld' };

function harness(mode: 'vanilla' | 'reap', flush: boolean, extra: Record<string, unknown> = {}) {
  const sim = new Simulator();
  const path = createStartPath(
    mode,
    { sim, rng: new RandomStreams(7) },
    {
      nodes: [
        { disk: 'ssd-sata-2020', pageCacheMiB: 4096 },
        { disk: 'ssd-sata-2020', pageCacheMiB: 4096 },
      ],
      flushPageCacheBeforeColdStart: flush,
      ...extra,
    },
  );
  const startOne = (id: number, node = 0, fn = hello): { us: number; o: StartOutcome } => {
    const t0 = sim.now;
    let res: { us: number; o: StartOutcome } | null = null;
    path.start(id, fn, node, (_i, o) => (res = { us: sim.now - t0, o }));
    sim.run();
    return res!;
  };
  return { sim, path, startOne };
}

describe('page cache', () => {
  it('a warm page cache makes a repeated vanilla cold start on the same node much cheaper', () => {
    const h = harness('vanilla', false);
    const first = h.startOne(1);
    const second = h.startOne(2);
    const otherNode = h.startOne(3, 1);
    expect(second.us).toBeLessThan(first.us / 2);
    expect(second.o.phases.majorFaults).toBeLessThan(1);
    expect(otherNode.us).toBe(first.us); // another node's cache is cold
  });
  it('flushing before each cold start (the paper method) makes every start cold', () => {
    const h = harness('vanilla', true);
    expect(h.startOne(1).us).toBe(h.startOne(2).us);
  });
  it('a too-small page cache keeps nothing', () => {
    const sim = new Simulator();
    const path = createStartPath('vanilla', { sim, rng: new RandomStreams(1) }, { nodes: [{ disk: 'ssd-sata-2020', pageCacheMiB: 1 }] });
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = sim.now;
      path.start(i, hello, 0, () => times.push(sim.now - t0));
      sim.run();
    }
    expect(times[1]).toBe(times[0]);
  });
});

describe('REAP record then prefetch', () => {
  it('the first REAP start on a node records; later ones prefetch; other nodes record their own', () => {
    const h = harness('reap', true);
    const a = h.startOne(1);
    const b = h.startOne(2);
    const c = h.startOne(3, 1);
    expect(a.o.path).toBe('reap-record');
    expect(b.o.path).toBe('reap-prefetch');
    expect(c.o.path).toBe('reap-record');
    expect(b.us).toBeLessThan(a.us / 3);
    expect(b.o.phases.wsBytes).toBe((1965 + 2) * 4096);
  });
  it('with remote snapshots the recording is cluster-wide', () => {
    const h = harness('reap', true, { snapshotLocation: 'remote' });
    expect(h.startOne(1, 0).o.path).toBe('reap-record');
    expect(h.startOne(2, 1).o.path).toBe('reap-prefetch');
  });
  it('a start during a recording restores like vanilla', () => {
    const sim = new Simulator();
    const path = createStartPath('reap', { sim, rng: new RandomStreams(1) }, { nodes: [{ disk: 'ssd-sata-2020', pageCacheMiB: 4096 }] });
    const paths: string[] = [];
    path.start(1, hello, 0, (_i, o) => paths.push(o.path));
    path.start(2, hello, 0, (_i, o) => paths.push(o.path));
    sim.run();
    expect(paths.sort()).toEqual(['reap-record', 'vanilla']);
  });
});

describe('contention', () => {
  it('two simultaneous cold starts on one disk each take longer than one alone', () => {
    for (const mode of ['vanilla', 'reap'] as const) {
      const one = runColdStarts({ fn: 'helloworld', mode, n: 1 });
      const two = runColdStarts({ fn: 'helloworld', mode, n: 2 });
      for (const l of two.latenciesUs) expect(l).toBeGreaterThan(one.latenciesUs[0]!);
      expect(two.device.deliveredWorkUs).toBeLessThanOrEqual(two.device.elapsedUs + 1e-6);
    }
  });
  it('64 simultaneous starts: the device never delivers more than its throughput', () => {
    for (const mode of ['vanilla', 'reap'] as const) {
      const r = runColdStarts({ fn: 'helloworld', mode, n: 64 });
      expect(r.device.deliveredWorkUs).toBeLessThanOrEqual(r.device.busyUs + 1e-6);
      expect(r.device.bytesRead / r.device.elapsedUs).toBeLessThanOrEqual(850 + 1e-9); // B/us = MB/s
    }
  });
  it('latency grows monotonically with the number of simultaneous starts', () => {
    let last = 0;
    for (const n of [1, 4, 16, 64]) {
      const m = runColdStarts({ fn: 'helloworld', mode: 'vanilla', n }).meanUs;
      expect(m).toBeGreaterThan(last);
      last = m;
    }
  });
  it('an HDD makes vanilla far slower and REAP far more valuable', () => {
    const v = runColdStarts({ fn: 'helloworld', mode: 'vanilla', disk: 'hdd-7200' }).meanUs;
    const r = runColdStarts({ fn: 'helloworld', mode: 'reap', disk: 'hdd-7200' }).meanUs;
    expect(v / r).toBeGreaterThan(10);
  });
});

describe('event efficiency and determinism', () => {
  it('a vanilla lr_training start (24566 faults) takes a handful of events', () => {
    const sim = new Simulator();
    const path = new SnapshotStartPath({ sim, rng: new RandomStreams(1) }, 'vanilla', {
      nodes: [{ disk: 'ssd-sata-2020', pageCacheMiB: 1024 }],
      flushPageCacheBeforeColdStart: true,
      snapshotLocation: 'local',
    });
    let faults = 0;
    path.start(0, { index: 0, name: 'lr', memoryMiB: 256, profile: 'reap/lr_training' }, 0, (_i, o) => (faults = o.phases.faultCount!));
    sim.run();
    expect(faults).toBe(24566);
    expect(sim.processed).toBeLessThan(10);
  });
  it('same inputs, same outputs', () => {
    const a = runColdStarts({ fn: 'image_rotate', mode: 'reap', n: 5, disk: 'hdd-7200' });
    const b = runColdStarts({ fn: 'image_rotate', mode: 'reap', n: 5, disk: 'hdd-7200' });
    expect(a.latenciesUs).toEqual(b.latenciesUs);
  });
  it('reports phases that add up to the start time, and the profile extra', () => {
    const h = harness('reap', true, { assumeRecorded: true });
    const r = h.startOne(1);
    const p = r.o.phases;
    const sum = p.loadVmm! + p.wsFetch! + p.wsInstall! + p.resume! + p.faults!;
    expect(Math.abs(sum - r.us)).toBeLessThanOrEqual(0);
    expect(r.o.firstInvocationExtra).toBe(Math.round(getFunctionProfile('helloworld')!.firstInvocationExtraUs));
  });
});

describe('boot and fixed paths', () => {
  it('boot takes 700-1300 ms and is reproducible by seed', () => {
    const run = (seed: number) => {
      const sim = new Simulator();
      const p = createStartPath('boot', { sim, rng: new RandomStreams(seed) });
      const ds: number[] = [];
      for (let i = 0; i < 20; i++) p.start(i, hello, 0, (_id, o) => ds.push(o.phases.boot!));
      sim.run();
      return ds;
    };
    const a = run(1);
    for (const d of a) {
      expect(d).toBeGreaterThanOrEqual(700_000);
      expect(d).toBeLessThanOrEqual(1_300_000);
    }
    expect(run(1)).toEqual(a);
    expect(run(2)).not.toEqual(a);
  });
});
