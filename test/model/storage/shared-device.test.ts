import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.ts';
import { runReadCost, seqReadCost } from '../../../src/model/storage/device-spec.ts';
import { getDeviceSpec } from '../../../src/model/storage/presets.ts';
import { StorageBank } from '../../../src/model/storage/shared-device.ts';

const PAGE = 4096;

/** `qd` closed-loop fio readers of 4 KB random reads, `reads` each: aggregate MB/s. */
function fio(disk: string, qd: number, reads: number): { mbps: number; delivered: number; elapsed: number } {
  const sim = new Simulator();
  const bank = new StorageBank(sim);
  const dev = bank.add(getDeviceSpec(disk));
  const c = runReadCost(dev.spec, 1);
  for (let i = 0; i < qd; i++) {
    dev.submit({ workUs: reads * c.workUs, aloneUs: reads * c.latencyUs, opWorkUs: c.workUs, bytes: reads * PAGE }, () => {}, i);
  }
  sim.run();
  return { mbps: (qd * reads * PAGE) / sim.now, delivered: dev.deliveredWorkUs, elapsed: sim.now };
}

describe('ssd-sata-2020 against the REAP paper fio points (§5.2.3)', () => {
  it('one outstanding 4 KB read: 32 MB/s (128 us per read)', () => {
    expect(fio('ssd-sata-2020', 1, 10_000).mbps).toBeCloseTo(32, 1);
  });
  it('sixteen outstanding: 360 MB/s', () => {
    expect(fio('ssd-sata-2020', 16, 10_000).mbps).toBeCloseTo(360, 0);
  });
  it('throughput grows with queue depth but never beyond the device', () => {
    let last = 0;
    for (const qd of [1, 2, 4, 8, 16, 32, 64]) {
      const r = fio('ssd-sata-2020', qd, 2000);
      expect(r.mbps).toBeGreaterThan(last);
      expect(r.delivered).toBeLessThanOrEqual(r.elapsed + 1e-6);
      last = r.mbps;
    }
    expect(last).toBeLessThan(1.15 * 360);
  });
  it('a lone sequential read runs at 850 MB/s', () => {
    const sim = new Simulator();
    const dev = new StorageBank(sim).add(getDeviceSpec('ssd-sata-2020'));
    const bytes = 850e6;
    const c = seqReadCost(dev.spec, bytes);
    let at = -1;
    dev.submit({ workUs: c.workUs, aloneUs: c.latencyUs, opWorkUs: c.workUs, bytes }, () => (at = sim.now), 0);
    sim.run();
    expect(at / 1e6).toBeCloseTo(1, 3);
  });
  it('two sequential reads share the bandwidth; random reads slow a sequential one down', () => {
    const sim = new Simulator();
    const dev = new StorageBank(sim).add(getDeviceSpec('ssd-sata-2020'));
    const c = seqReadCost(dev.spec, 85e6);
    const done: number[] = [];
    for (let i = 0; i < 2; i++) dev.submit({ workUs: c.workUs, aloneUs: c.latencyUs, opWorkUs: c.workUs, bytes: 85e6 }, (t) => (done[t] = sim.now), i);
    sim.run();
    expect(done[0]! / 1000).toBeCloseTo(200, 0); // 170 MB at 850 MB/s
    expect(dev.deliveredWorkUs).toBeLessThanOrEqual(sim.now + 1e-6);

    const sim2 = new Simulator();
    const dev2 = new StorageBank(sim2).add(getDeviceSpec('ssd-sata-2020'));
    const r = runReadCost(dev2.spec, 1);
    let seqDone = 0;
    dev2.submit({ workUs: c.workUs, aloneUs: c.latencyUs, opWorkUs: c.workUs }, () => (seqDone = sim2.now), 0);
    for (let i = 0; i < 8; i++) dev2.submit({ workUs: 5000 * r.workUs, aloneUs: 5000 * r.latencyUs, opWorkUs: r.workUs }, () => {}, 1 + i);
    sim2.run();
    expect(seqDone).toBeGreaterThan(c.latencyUs * 1.2);
    expect(dev2.deliveredWorkUs).toBeLessThanOrEqual(sim2.now + 1e-6);
  });
});

describe('device events', () => {
  it('a device has one pending event, moved when its shares change: one event per completion', () => {
    const sim = new Simulator();
    const bank = new StorageBank(sim);
    const a = bank.add(getDeviceSpec('ssd-sata-2020'));
    const r = runReadCost(a.spec, 1);
    const finished: number[] = [];
    // Staggered submissions: each one changes the shares of the jobs already running.
    for (let i = 0; i < 6; i++) {
      sim.schedule(
        i * 50,
        sim.register(`submit${i}`, () => a.submit({ workUs: 40 * r.workUs, aloneUs: 40 * r.latencyUs, opWorkUs: r.workUs }, (t) => finished.push(t), i)),
        0,
      );
    }
    // A device added after the others have work pending gets its own slot.
    const b = bank.add(getDeviceSpec('ssd-sata-2020'));
    b.submit({ workUs: r.workUs, aloneUs: r.latencyUs, opWorkUs: r.workUs }, (t) => finished.push(t), 100);
    sim.run();
    expect(finished.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 100]);
    // 6 submissions + at most one completion event per job (jobs finishing together share one).
    expect(sim.processed).toBeLessThanOrEqual(6 + 7);
    expect(a.completedJobs + b.completedJobs).toBe(7);
  });
});

describe('hdd-7200 preset', () => {
  it('random reads inside a 256 MiB file: short seek + half a rotation; no parallelism', () => {
    const s = getDeviceSpec('hdd-7200');
    expect(s.randReadLatencyUs).toBeGreaterThan(4_170 + 1_000);
    expect(s.randReadLatencyUs).toBeLessThan(8_500 + 4_170);
    expect(s.randReadWorkUs).toBe(s.randReadLatencyUs);
    expect(s.seqAccessLatencyUs).toBeCloseTo(8_500 + 4_166.7, 0);
    const one = fio('hdd-7200', 1, 200).mbps;
    const many = fio('hdd-7200', 16, 50).mbps;
    expect(many).toBeLessThanOrEqual(one * 1.0001);
  });
});

describe('hdd-7200: head positioning over the files read, NCQ reordering of queued reads', () => {
  /** `qd` serial chains of 4 KB random reads, each on its own file (`distinct`) or one file. */
  function chains(qd: number, distinct: boolean): { mbps: number; delivered: number; busy: number } {
    const sim = new Simulator();
    const dev = new StorageBank(sim).add(getDeviceSpec('hdd-7200'));
    const c = runReadCost(dev.spec, 1);
    const reads = 200;
    for (let i = 0; i < qd; i++) {
      dev.submit(
        { workUs: reads * c.workUs, aloneUs: reads * c.latencyUs, opWorkUs: c.workUs, bytes: reads * PAGE, random: true, file: distinct ? i : 0 },
        () => {},
        i,
      );
    }
    sim.run();
    return { mbps: (qd * reads * PAGE) / sim.now, delivered: dev.deliveredWorkUs, busy: dev.busyUs };
  }

  it('one chain: one read per positioning (short seek + half a rotation, ~5.3 ms)', () => {
    expect(runReadCost(getDeviceSpec('hdd-7200'), 1).latencyUs).toBeCloseTo(5320, -2);
    expect(chains(1, false).mbps).toBeCloseTo(PAGE / 5320, 2);
  });

  it('queued reads on one file: throughput grows as sqrt(q) up to 32, then flat', () => {
    const one = chains(1, false).mbps;
    // Positioning falls as q^(-1/2); the 4 KB transfer (26 us of 5.3 ms) does not.
    for (const q of [4, 16, 32]) {
      const gain = chains(q, false).mbps / one / Math.sqrt(q);
      expect(gain).toBeGreaterThan(0.95);
      expect(gain).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(chains(64, false).mbps).toBeCloseTo(chains(32, false).mbps, 3);
  });

  it('distinct files spread the head: less than on one file, still more than one chain', () => {
    const one = chains(1, false).mbps;
    const same = chains(32, false).mbps;
    const spread = chains(32, true).mbps;
    expect(spread).toBeLessThan(same);
    expect(spread).toBeGreaterThan(4 * one);
  });

  it('never more than 1 us of device time per us', () => {
    for (const q of [1, 8, 64]) {
      const r = chains(q, true);
      expect(r.delivered).toBeLessThanOrEqual(r.busy * (1 + 1e-9) + 1e-6);
    }
  });
});
