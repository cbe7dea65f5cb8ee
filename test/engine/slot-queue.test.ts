import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { SlotQueue } from '../../src/engine/slot-queue.ts';
import { Simulator } from '../../src/engine/simulator.ts';

describe('SlotQueue', () => {
  it('grows without losing pending slots', () => {
    const q = new SlotQueue(2);
    q.set(0, 30, 0);
    q.set(1, 10, 1);
    q.grow(5);
    expect(q.capacity).toBe(5);
    q.set(4, 20, 2);
    q.set(3, 5, 3);
    expect([q.pop(), q.pop(), q.pop(), q.pop()]).toEqual([3, 1, 4, 0]);
    expect(q.size).toBe(0);
    expect(() => q.set(5, 1, 4)).toThrow(RangeError);
  });

  it('matches a naive model under random sets, moves, removals and pops', () => {
    const rng = seedrandom('slots');
    const q = new SlotQueue(40);
    const model = new Map<number, [number, number]>();
    let key = 0;
    for (let step = 0; step < 20_000; step++) {
      const r = rng();
      const slot = Math.floor(rng() * 40);
      if (r < 0.5) {
        const t = Math.floor(rng() * 100);
        q.set(slot, t, key);
        model.set(slot, [t, key++]);
      } else if (r < 0.7) {
        q.remove(slot);
        model.delete(slot);
      } else if (model.size > 0) {
        let best = -1;
        for (const [s, [t, k]] of model) {
          const b = model.get(best);
          if (!b || t < b[0] || (t === b[0] && k < b[1])) best = s;
        }
        expect(q.peekTime()).toBe(model.get(best)![0]);
        expect(q.pop()).toBe(best);
        model.delete(best);
      }
      expect(q.size).toBe(model.size);
    }
  });
});

// One pending event per slot, moved in place, must fire exactly where generation-checked heap
// events (the old way: push a new event, skip stale ones) fired.
function run(useSlots: boolean): string[] {
  const sim = new Simulator();
  const rng = seedrandom('sim-slots');
  const log: string[] = [];
  const gens = new Int32Array(8);
  const pendingAt = new Float64Array(8).fill(-1);
  let budget = 3000;
  const touch = (slot: number) => {
    const t = sim.now + Math.floor(rng() * 20);
    if (useSlots) sim.setSlot(kSlot, slot, t, 1);
    else sim.schedule(t, kSlot, slot, ++gens[slot]!, 1);
    pendingAt[slot] = t;
  };
  const fired = (slot: number, gen: number) => {
    if (!useSlots && gen !== gens[slot]) return; // stale
    pendingAt[slot] = -1;
    log.push(`${sim.now}:slot${slot}`);
    if (budget-- > 0) for (let i = 0; i < 2; i++) touch(Math.floor(rng() * 8));
  };
  const kSlot = useSlots ? sim.registerSlots('s', 8, fired) : sim.register('s', fired);
  const kOther = sim.register('o', (t) => {
    log.push(`${sim.now}:other${t}`);
    if (budget-- > 0) {
      sim.schedule(sim.now + Math.floor(rng() * 10), kOther, t, 0, Math.floor(rng() * 3));
      touch(Math.floor(rng() * 8));
    }
  });
  for (let i = 0; i < 4; i++) sim.schedule(i, kOther, i, 0, i % 3);
  sim.run();
  return log;
}

describe('slot events in the simulator', () => {
  it('fire in the order that generation-checked heap events did', () => {
    const heap = run(false);
    expect(heap.length).toBeGreaterThan(2000);
    expect(run(true)).toEqual(heap);
  });
});
