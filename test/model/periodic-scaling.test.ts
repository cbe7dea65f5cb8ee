// Periodic (KPA) scaling: ticks every interval, the concurrency averaged over the tick, starts and
// retirements toward the autoscaler's count, and no ticks past the horizon once nothing is left.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.ts';
import type { FunctionState } from '../../src/model/function.ts';
import { PeriodicScaler } from '../../src/model/periodic-scaling.ts';
import type { AutoscalerPolicy, TickView } from '../../src/model/policy-interfaces.ts';

// The scaler reads a function's counters only: a stand-in, not a full FunctionState.
const fnOf = () =>
  ({
    index: 0,
    concurrency: 1,
    instances: 0,
    startingSlots: 0,
    inSystem: 0,
    inSystemArea: 0,
    inSystemSince: 0,
    queue: { length: 0 },
  }) as unknown as FunctionState;

describe('PeriodicScaler', () => {
  it('averages concurrency over each tick, scales toward the desired count, stops after the horizon', () => {
    const sim = new Simulator();
    const fn = fnOf();
    const seen: { now: number; concurrency: number }[] = [];
    let desired = 3;
    let forgotten = 0;
    const autoscaler = {
      name: 'test',
      tickInterval: 1000,
      instancesToStart: () => 0,
      onTick: (_f: unknown, v: TickView, now: number) => {
        seen.push({ now, concurrency: v.concurrency });
        return desired;
      },
      forget: () => forgotten++,
    } as unknown as AutoscalerPolicy;
    const retired: number[] = [];
    let room = 2; // only two instances fit
    const scaler = new PeriodicScaler(
      sim,
      autoscaler,
      {
        startOne: (f) => (room-- > 0 ? (f.instances++, true) : false),
        retireIdle: (f, count) => {
          retired.push(count);
          f.instances -= count;
        },
        inFlight: () => fn.inSystem,
      },
      2500,
    );
    const k = sim.register('t', (_t, d) => scaler.changeInSystem(fn, d));
    sim.schedule(250, k, 0, 2); // two requests in the system from 250 us to 750 us
    sim.schedule(750, k, 0, -2);
    sim.run(1000);
    expect(seen).toEqual([{ now: 1000, concurrency: 1 }]); // 2 x 500 us over 1000 us
    expect(fn.instances).toBe(2); // wanted 3, room for 2
    desired = 0;
    sim.run();
    expect(retired).toEqual([2]);
    expect(forgotten).toBe(1);
    // Ticks at 2000 and 3000: the function dropped out at 2000; after the horizon (2500) none follow.
    expect(seen.map((s) => s.now)).toEqual([1000, 2000]);
    expect(sim.now).toBe(3000);
  });

  it('refuses a tick interval that is not positive', () => {
    const as = { name: 't', tickInterval: 0, instancesToStart: () => 0, onTick: () => 0 } as unknown as AutoscalerPolicy;
    expect(() => new PeriodicScaler(new Simulator(), as, { startOne: () => false, retireIdle: () => {}, inFlight: () => 0 }, 0)).toThrow(
      /tick interval must be > 0/,
    );
  });
});
