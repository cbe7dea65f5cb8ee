import { describe, expect, it } from 'vitest';
import { Simulator, SimulationError } from '../../src/engine/simulator.ts';
import { MergedStream, type OrderedStream } from '../../src/engine/lane.ts';

class ListStream implements OrderedStream {
  private i = 0;
  constructor(private readonly items: [number, number][]) {}
  get time(): number {
    return this.i < this.items.length ? this.items[this.i]![0] : Infinity;
  }
  take(): number {
    return this.items[this.i++]![1];
  }
}

describe('Simulator', () => {
  it('refuses events in the past and at fractional times', () => {
    const sim = new Simulator();
    const k = sim.register('x', () => sim.schedule(5, k, 0));
    sim.schedule(10, k, 0);
    expect(() => sim.run()).toThrow(SimulationError);
    const sim2 = new Simulator();
    const k2 = sim2.register('y', () => {});
    expect(() => sim2.schedule(1.5, k2, 0)).toThrow(/non-integer/);
  });

  it('advances time monotonically and dispatches target and arg', () => {
    const sim = new Simulator();
    const seen: [number, number, number][] = [];
    const k = sim.register('rec', (t, a) => seen.push([sim.now, t, a]));
    sim.schedule(30, k, 3, 0.5);
    sim.schedule(10, k, 1, 1.5);
    sim.schedule(20, k, 2, 2.5);
    sim.run();
    expect(seen).toEqual([
      [10, 1, 1.5],
      [20, 2, 2.5],
      [30, 3, 0.5],
    ]);
  });

  it('merges the ordered lane with the heap; lane first at equal time and priority', () => {
    const sim = new Simulator();
    const log: string[] = [];
    const kh = sim.register('heap', (t) => log.push(`h${t}@${sim.now}`));
    const kl = sim.register('lane', (p) => log.push(`l${p}@${sim.now}`));
    sim.setLane(
      new ListStream([
        [5, 1],
        [10, 2],
        [20, 3],
      ]),
      kl,
      3,
    );
    sim.schedule(10, kh, 7, 0, 3); // same priority: lane first
    sim.schedule(10, kh, 8, 0, 1); // lower priority number: before the lane
    sim.schedule(15, kh, 9, 0, 5);
    sim.run();
    expect(log).toEqual(['l1@5', 'h8@10', 'l2@10', 'h7@10', 'h9@15', 'l3@20']);
  });

  it('run(until) stops before later events and step() goes one at a time', () => {
    const sim = new Simulator();
    let n = 0;
    const k = sim.register('n', () => n++);
    for (const t of [1, 2, 3, 10]) sim.schedule(t, k, 0);
    sim.run(3);
    expect(n).toBe(3);
    expect(sim.now).toBe(3);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(10);
    expect(sim.step()).toBe(false);
  });
});

describe('MergedStream', () => {
  it('yields the union in time order, ties to the earlier stream', () => {
    const m = new MergedStream([
      new ListStream([
        [1, 10],
        [5, 11],
        [5, 12],
      ]),
      new ListStream([
        [0, 20],
        [5, 21],
      ]),
      new ListStream([]),
    ]);
    const out: [number, number][] = [];
    while (m.time !== Infinity) {
      const t = m.time;
      out.push([t, m.take()]);
    }
    expect(out).toEqual([
      [0, 20],
      [1, 10],
      [5, 11],
      [5, 12],
      [5, 21],
    ]);
  });
});
