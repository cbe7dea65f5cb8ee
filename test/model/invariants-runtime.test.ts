// The always-on runtime invariants: each one broken on purpose through the model's own API throws
// an InvariantViolation naming the invariant, the simulated time and the numbers; and the
// scenarios shipped in scenarios/ run with every check on without tripping any.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvariantViolation } from '../../src/engine/invariant.ts';
import { Simulator } from '../../src/engine/simulator.ts';
import { ProcessorSharingCpu } from '../../src/model/cpu.ts';
import { FleetTable } from '../../src/model/fleet-table.ts';
import { checkArrivalsEnded, INVARIANT } from '../../src/model/invariants.ts';
import { OutcomeCode } from '../../src/model/invocation.ts';
import { InvocationTable } from '../../src/model/invocation-table.ts';
import { Node } from '../../src/model/node.ts';
import { runReadCost } from '../../src/model/storage/device-spec.ts';
import { getDeviceSpec } from '../../src/model/storage/presets.ts';
import { StorageBank } from '../../src/model/storage/shared-device.ts';
import { Recorder } from '../../src/metrics/recorder.ts';
import { buildSimulation } from '../../src/scenario/build.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';
import { scenario } from '../helpers.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The violation `f` throws (fails the test if it throws anything else or nothing). */
function violation(f: () => unknown): InvariantViolation {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvariantViolation);
    return e as InvariantViolation;
  }
  throw new Error('expected an InvariantViolation');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('node memory within [0, capacity]', () => {
  it('reserving past capacity, or giving back more than is held, is a violation and changes nothing', () => {
    const node = new Node(3, 0, 4, 1024, 'processor-sharing', new FleetTable(4));
    node.reserve(1000, 10);
    const v = violation(() => node.reserve(100, 20));
    expect(v.invariant).toBe(INVARIANT.nodeMemory);
    expect(v.timeUs).toBe(20);
    expect(v.values).toEqual({ node: 3, usedMiB: 1100, capacityMiB: 1024 });
    expect(v.message).toBe(`invariant violated: ${INVARIANT.nodeMemory}: node=3, usedMiB=1100, capacityMiB=1024 at simulated time 20 us`);
    expect(node.usedMiB).toBe(1000);
    node.reserve(24, 30); // exactly full is fine
    node.unreserve(1024, 40);
    expect(violation(() => node.unreserve(1, 50)).values).toEqual({ node: 3, usedMiB: -1, capacityMiB: 1024 });
  });

  it('on a running platform: an instance start that would overfill its node', () => {
    const s = scenario({ workload: [{ fixed: { function: 'f', interval: '1s', end: '3s' } }] });
    const { sim, platform } = buildSimulation(s, { invocationsPath: null });
    sim.step(); // t=0: a cold start holds 256 MiB
    const node = platform.nodes[0]!;
    expect(node.usedMiB).toBe(256);
    const v = violation(() => node.reserve(node.memoryMiB, sim.now));
    expect(v.values).toMatchObject({ node: 0, usedMiB: 256 + 4096, capacityMiB: 4096 });
  });
});

describe('CPU delivers at most cores x elapsed time', () => {
  it('meters what processor sharing delivers, and a credit beyond cores x time is a violation', () => {
    const cpu = new ProcessorSharingCpu(2, 'processor-sharing', null, 5);
    const out = new Int32Array(8);
    for (let j = 0; j < 4; j++) cpu.start(0, j, 1000, 1); // 4 vCPUs on 2 cores: half speed
    expect(cpu.nextCompletion(0)).toBe(2000);
    expect(cpu.collectFinished(2000, out)).toBe(4);
    expect(cpu.meter.delivered).toBeCloseTo(4000, 6); // the node was saturated throughout
    const v = violation(() => cpu.meter.add(1, 2000, 2000));
    expect(v.invariant).toBe(INVARIANT.cpuTime);
    expect(v.timeUs).toBe(2000);
    expect(v.values).toMatchObject({ index: 5, limit: 4000, perUs: 2, spanUs: 2000 });
    expect(v.values.delivered).toBeCloseTo(4001, 6);
  });

  it('is not checked when contention is not modelled (cpu: none)', () => {
    const cpu = new ProcessorSharingCpu(1, 'none');
    const out = new Int32Array(8);
    cpu.start(0, 0, 1000, 4);
    cpu.collectFinished(1000, out);
    expect(cpu.meter.delivered).toBe(4000);
  });
});

describe('a device delivers at most 1 us of device time per us', () => {
  it('meters delivered device time against busy time; accounting more is a violation', () => {
    const sim = new Simulator();
    const bank = new StorageBank(sim);
    const dev = bank.add(getDeviceSpec('ssd-sata-2020'));
    const c = runReadCost(dev.spec, 1);
    for (let i = 0; i < 8; i++) dev.submit({ workUs: 100 * c.workUs, aloneUs: 100 * c.latencyUs, opWorkUs: c.workUs }, () => {}, i);
    sim.run();
    expect(dev.deliveredWorkUs).toBeLessThanOrEqual(dev.busyUs);
    const busy = dev.busyUs;
    const v = violation(() => dev.account(busy + 20, 10)); // more device time than it was busy
    expect(v.invariant).toBe(INVARIANT.deviceTime);
    expect(v.timeUs).toBe(sim.now);
    expect(v.values).toMatchObject({ index: 0, perUs: 1, spanUs: busy + 10 });
  });
});

describe('every arrival ends exactly once', () => {
  it('a row ended twice is a violation at the second end', () => {
    const t = new InvocationTable(4);
    const row = t.alloc(17, 0, 5, null);
    t.end(row, OutcomeCode.Completed, 10);
    const v = violation(() => t.end(row, OutcomeCode.Dropped, 12));
    expect(v.invariant).toBe(INVARIANT.endsOnce);
    expect(v.timeUs).toBe(12);
    expect(v.values).toEqual({ invocation: 17, outcome: OutcomeCode.Completed });
  });

  it('on a running platform: failing an invocation that already completed', () => {
    const { sim, platform } = buildSimulation(scenario({}), { invocationsPath: null });
    const inv = platform.arrive(0);
    sim.run();
    expect(inv.outcome).toBe('completed');
    const v = violation(() => platform.failRunning(inv, 'late'));
    expect(v.invariant).toBe(INVARIANT.endsOnce);
    expect(v.values).toEqual({ invocation: inv.id, outcome: OutcomeCode.Completed });
  });

  it('at the end of a run: arrivals = completed + dropped + failed and none in flight', () => {
    checkArrivalsEnded({ arrivals: 5, completed: 3, dropped: 1, failed: 1, inFlight: 0 }, 9);
    const v = violation(() => checkArrivalsEnded({ arrivals: 5, completed: 3, dropped: 1, failed: 0, inFlight: 0 }, 9));
    expect(v.invariant).toBe(INVARIANT.arrivalsEnded);
    expect(v.values).toEqual({ arrivals: 5, completed: 3, dropped: 1, failed: 0, inFlight: 0 });
    expect(violation(() => checkArrivalsEnded({ arrivals: 5, completed: 5, dropped: 0, failed: 0, inFlight: 1 }, 9)).timeUs).toBe(9);
  });

  it('simulate() checks the counts, names scenario and seed, and leaves no run folder', async () => {
    const real = Recorder.prototype.endCounts;
    // An arrival the recorder lost: the counts no longer add up.
    vi.spyOn(Recorder.prototype, 'endCounts').mockImplementation(function (this: Recorder) {
      const c = real.call(this);
      return { ...c, arrivals: c.arrivals + 1 };
    });
    const out = join(mkdtempSync(join(tmpdir(), 'sim-inv-')), 'run');
    const s = scenario({ name: 'lost', seed: 7, duration: '5s', workload: [{ poisson: { function: 'f', rate: '5/s' } }] });
    const e = await simulate(s, { outDir: out }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvariantViolation);
    const v = e as InvariantViolation;
    expect(v.invariant).toBe(INVARIANT.arrivalsEnded);
    expect([v.scenario, v.seed]).toEqual(['lost', 7]);
    expect(v.message).toMatch(/ \(scenario "lost", seed 7\)$/);
    expect(v.stack).toContain(v.message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the shipped scenarios run with every check on', () => {
  // Shortened: the full-length runs are the byte-identity check of docs/model.md.
  const cases: [string, string][] = [
    ['quickstart', '1m'],
    ['workflow-video', '1m'],
    ['reap-concurrency', '20s'],
    ['reap-functions', '1m'],
  ];
  for (const [name, duration] of cases) {
    it(name, async () => {
      const s = loadScenarioFile(join(ROOT, 'scenarios', `${name}.json`), { sets: [`duration=${duration}`] });
      const r = await simulate(s);
      const counts = r.summary.invocations as { arrivals: number; completed: number };
      expect(counts.arrivals).toBeGreaterThan(0);
      expect(counts.completed).toBeGreaterThan(0);
    });
  }
});
