// Concurrent cold starts on one host (issue 18): host CPU shared with executions, page-cache
// sharing of one snapshot file, restored-instance footprint, monotone slowdown with N.
import { describe, expect, it } from 'vitest';
import { controlPathSpec, HostControlPath } from '../../../src/model/coldstart/control-path.ts';
import { runColdStarts } from '../../../src/model/coldstart/experiment.ts';
import { getFunctionProfile } from '../../../src/model/coldstart/profiles.ts';
import { buildSimulation } from '../../../src/scenario/build.ts';
import { scenario } from '../../helpers.ts';

const NS = [1, 2, 4, 8, 16, 32, 64];
const hello = getFunctionProfile('helloworld')!;
const touchedMiB = ((hello.wsPagesSame + hello.wsPagesUnique) * 4096) / 2 ** 20;

describe('N simultaneous cold starts on one node', () => {
  for (const disk of ['ssd-sata-2020', 'nvme-2020', 'hdd-7200']) {
    for (const [mode, readAround] of [
      ['vanilla', 'none'],
      ['reap', 'none'],
      ['vanilla', 'kernel'],
    ] as const) {
      it(`${disk} ${mode}, read-around ${readAround}: mean latency never decreases as N grows; CPU and device within capacity`, () => {
        let last = 0;
        for (const n of NS) {
          const r = runColdStarts({ fn: 'helloworld', mode, n, disk, readAround });
          expect(r.meanUs).toBeGreaterThanOrEqual(last);
          last = r.meanUs;
          expect(r.cpu.deliveredUs).toBeLessThanOrEqual(r.cpu.cores * r.device.elapsedUs * (1 + 1e-9));
          expect(r.device.deliveredWorkUs).toBeLessThanOrEqual(r.device.busyUs * (1 + 1e-9) + 1e-6);
          expect(r.device.busyUs).toBeLessThanOrEqual(r.device.elapsedUs);
        }
      });
    }
  }

  it('N = 1 stays the single-start calibration (within 10% of the paper)', () => {
    for (const fn of ['helloworld', 'lr_training', 'cnn_serving']) {
      const p = getFunctionProfile(fn)!;
      const v = runColdStarts({ fn, mode: 'vanilla' }).meanUs / 1000;
      const r = runColdStarts({ fn, mode: 'reap' }).meanUs / 1000;
      expect(Math.abs(v / p.paper.vanillaMs - 1)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(r / p.paper.reapMs - 1)).toBeLessThanOrEqual(0.1);
    }
  });

  it('host CPU is shared: on 4 cores 32 REAP starts take longer than on 48, never more than cores x elapsed', () => {
    const wide = runColdStarts({ fn: 'helloworld', mode: 'reap', n: 32, disk: 'ramdisk' });
    const narrow = runColdStarts({ fn: 'helloworld', mode: 'reap', n: 32, disk: 'ramdisk', cores: 4 });
    expect(narrow.meanUs).toBeGreaterThan(2 * wide.meanUs);
    expect(narrow.cpu.deliveredUs).toBeLessThanOrEqual(4 * narrow.device.elapsedUs * (1 + 1e-9));
    // Busy at full capacity most of the run: the CPU, not the ramdisk, bounds it.
    expect(narrow.cpu.deliveredUs).toBeGreaterThan(0.8 * 4 * narrow.device.elapsedUs);
  });
});

describe('page cache: one shared snapshot file vs a copy per instance', () => {
  const n = 8;
  const samePages = hello.wsPagesSame;
  const uniqueBytes = (hello.wsPagesUnique / 32) * 32 * 4096; // read-around windows, per start

  it('concurrent restores of one shared snapshot read each same page from the device once', () => {
    const r = runColdStarts({ fn: 'helloworld', mode: 'vanilla', n, distinctSnapshots: false, snapshotCopies: 'shared' });
    expect(r.device.bytesRead).toBeCloseTo(samePages * 4096 + n * uniqueBytes, 3);
    // Followers wait for the leader's reads: nobody finishes before the lone start would.
    const one = runColdStarts({ fn: 'helloworld', mode: 'vanilla' });
    for (const l of r.latenciesUs) expect(l).toBeGreaterThanOrEqual(one.meanUs - 1);
    const leaders = r.outcomes.filter((o) => o.phases.majorFaults! > hello.wsPagesUnique / 32 + 1e-9);
    expect(leaders).toHaveLength(1);
  });

  it('distinct copies read each their own', () => {
    for (const opts of [{ distinctSnapshots: true }, { distinctSnapshots: false, snapshotCopies: 'per-instance' as const }]) {
      const r = runColdStarts({ fn: 'helloworld', mode: 'vanilla', n, ...opts });
      expect(r.device.bytesRead).toBeCloseTo(n * (samePages * 4096 + uniqueBytes), 3);
    }
  });

  it('a shared snapshot is cheaper than copies under contention (HDD)', () => {
    const shared = runColdStarts({ fn: 'helloworld', mode: 'vanilla', n, disk: 'hdd-7200', distinctSnapshots: false });
    const copies = runColdStarts({ fn: 'helloworld', mode: 'vanilla', n, disk: 'hdd-7200' });
    expect(shared.meanUs).toBeLessThan(copies.meanUs);
  });
});

describe('memory of a restored instance: its touched pages', () => {
  it('is held from the start, released at teardown (stepped event by event)', () => {
    const s = scenario({
      functions: [{ name: 'h', profile: 'reap/helloworld' }],
      workload: [{ burst: { function: 'h', size: 1, every: '1h' } }],
      coldStart: { mode: 'vanilla' },
      policies: { keepAlive: 'fixed(ttl=1s)' },
    });
    const { sim, platform } = buildSimulation(s, { invocationsPath: null });
    const node = platform.nodes[0]!;
    expect(platform.functions[0]!.memoryMiB).toBeCloseTo(touchedMiB, 9);
    expect(platform.functions[0]!.spec.memoryMiB).toBe(256);
    sim.step(); // the arrival starts an instance
    expect(platform.liveInstances).toBe(1);
    expect(node.usedMiB).toBeCloseTo(touchedMiB, 9);
    while (platform.liveInstances > 0 && sim.step()) {
      /* until keep-alive teardown */
    }
    expect(node.usedMiB).toBeCloseTo(0, 9);
  });

  it('memory pressure sees it: 256 MiB hold 33 restored 256 MiB-guest instances, not one', () => {
    const fit = Math.floor(256 / touchedMiB);
    expect(fit).toBe(33);
    const s = scenario({
      fleet: { nodes: [{ count: 1, cores: 48, memory: '256MiB' }] },
      functions: [{ name: 'h', profile: 'reap/helloworld' }],
      workload: [{ burst: { function: 'h', size: 40, every: '1h' } }],
      coldStart: { mode: 'reap', preRecorded: true },
    });
    const { sim, platform } = buildSimulation(s, { invocationsPath: null });
    while (sim.now === 0 && sim.step()) {
      /* the three arrivals at t=0 */
    }
    expect(platform.liveInstances).toBe(fit);
    expect(platform.nodes[0]!.usedMiB).toBeCloseTo(fit * touchedMiB, 9);
  });

  it('boot-started instances keep their guest memory', () => {
    const s = scenario({
      functions: [{ name: 'h', profile: 'reap/helloworld' }],
      workload: [{ burst: { function: 'h', size: 1, every: '1h' } }],
      coldStart: { mode: 'boot' },
    });
    const { sim, platform } = buildSimulation(s, { invocationsPath: null });
    sim.step();
    expect(platform.nodes[0]!.usedMiB).toBe(256);
  });
});

describe('a burst of cold starts slows warm work on its node only', () => {
  /** Latency of one 2-vCPU, 2 s execution on node 0 (2 cores), with a burst of 8 cold starts at
   * 0.5 s placed on node 0 (`same`), on node 1 (`other`: node 0 has no room left), or none. */
  function warmLatency(burst: 'same' | 'other' | 'none'): number {
    const wMiB = (1024 * touchedMiB) / 256; // a 1 GiB guest restored with helloworld's shape
    const s = scenario({
      fleet: {
        nodes: [
          { count: 1, cores: 2, memory: burst === 'other' ? `${Math.ceil(wMiB)}MiB` : '4GiB' },
          { count: 1, cores: 2, memory: '4GiB' },
        ],
      },
      functions: [
        { name: 'w', memory: '1GiB', vcpus: 2, execution: '2s' },
        { name: 'b', profile: 'reap/helloworld' },
      ],
      workload: [
        { burst: { function: 'w', size: 1, every: '1h' } },
        ...(burst === 'none' ? [] : [{ burst: { function: 'b', size: 8, every: '1h', start: '500ms' } }]),
      ],
      policies: { placement: 'first-fit', keepAlive: 'fixed(ttl=10m)' },
      coldStart: { mode: 'reap', preRecorded: true },
    });
    const { sim, platform, recorder } = buildSimulation(s, { invocationsPath: null });
    while (sim.now < 600_000 && sim.step()) {
      /* past the burst's arrival */
    }
    // Where the burst went.
    const bNodes = new Set<number>();
    platform.forEachInstance((i) => {
      if (i.fn === 1) bNodes.add(i.node);
    });
    sim.run();
    const w = recorder.functions[0]!;
    expect(w.completed).toBe(1);
    if (burst === 'same') expect([...bNodes]).toEqual([0]);
    if (burst === 'other') expect([...bNodes]).toEqual([1]);
    return w.latencySumUs;
  }

  it('slower with the burst on its node, unchanged with the burst on another', () => {
    const alone = warmLatency('none');
    expect(warmLatency('same')).toBeGreaterThan(alone + 50_000);
    expect(warmLatency('other')).toBe(alone);
  });
});

describe('control path', () => {
  it('none (REAP-era vHive v1.0): nothing serialised; vhive-2024: devmapper section one start at a time', () => {
    const none = runColdStarts({ fn: 'helloworld', mode: 'reap', n: 8 });
    const cur = runColdStarts({ fn: 'helloworld', mode: 'reap', n: 8, controlPath: 'vhive-2024' });
    const waits = cur.outcomes.map((o) => o.phases.control!).sort((a, b) => a - b);
    // 66 ms devmapper create + 50 ms mount per start, one after another (containerd #12335).
    for (let i = 0; i < 8; i++) expect(waits[i]).toBe((i + 1) * 116_000);
    expect(none.outcomes[0]!.phases.control).toBeUndefined();
    // Serialised starts reach the SSD staggered, so they contend less there: the mean grows by less
    // than the mean wait (4.5 x 116 ms).
    expect(cur.meanUs).toBeGreaterThan(none.meanUs + 2 * 116_000);
  });
  it('network configs: a pool of 10 rebuilt in the background; the 11th simultaneous start waits for one', () => {
    const spec = controlPathSpec('vhive-2024');
    expect(spec.poolSize).toBe(10);
    const pool = new HostControlPath({ ...spec, serialUs: 0 });
    const waits = Array.from({ length: 12 }, () => pool.admit(0));
    expect(waits.slice(0, 10)).toEqual(new Array(10).fill(0));
    expect(waits.slice(10)).toEqual([spec.refillUs, spec.refillUs]);
  });
});
