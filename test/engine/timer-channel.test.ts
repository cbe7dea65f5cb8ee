import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Simulator } from '../../src/engine/simulator.ts';

// Drives two simulators with the same random program: one registers the timer kinds as plain
// kinds (heap only), the other as timer channels. The event order must be identical.
function trace(useChannels: boolean, seed: string): string[] {
  const sim = new Simulator();
  const rng = seedrandom(seed);
  const log: string[] = [];
  let budget = 4000;
  const kinds: number[] = [];
  const act = (name: string) => (target: number, arg: number) => {
    log.push(`${sim.now}:${name}:${target}:${arg}`);
    // Each event schedules 0-3 more: fixed delays (monotone), random delays (out of order),
    // equal times with various priorities (tie-breaks by priority then sequence).
    const more = Math.floor(rng() * 4);
    for (let i = 0; i < more && budget > 0; i++, budget--) {
      const k = kinds[Math.floor(rng() * kinds.length)]!;
      const r = rng();
      const delay = r < 0.5 ? 100 : r < 0.8 ? Math.floor(rng() * 300) : 0;
      sim.schedule(sim.now + delay, k, Math.floor(rng() * 50), budget, Math.floor(rng() * 3));
    }
  };
  kinds.push(sim.register('plain', act('plain')));
  const reg = (name: string) => (useChannels ? sim.registerTimer(name, act(name)) : sim.register(name, act(name)));
  kinds.push(reg('timerA'), reg('timerB'));
  for (let i = 0; i < 20; i++) sim.schedule(Math.floor(rng() * 50), kinds[i % 3]!, i, -1, i % 2);
  let maxPending = 0;
  while (sim.step()) maxPending = Math.max(maxPending, sim.pending);
  log.push(`processed=${sim.processed}`);
  return log;
}

describe('timer channels', () => {
  it('deliver events in exactly the order of a plain heap, in and out of order', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const plain = trace(false, seed);
      expect(plain.length).toBeGreaterThan(1000);
      expect(trace(true, seed)).toEqual(plain);
    }
  });

  it('count the timers waiting behind a channel head as pending', () => {
    const sim = new Simulator();
    const k = sim.registerTimer('t', () => {});
    for (let i = 0; i < 1000; i++) sim.schedule(10 + i, k, i);
    sim.schedule(5, k, -1); // out of order: goes to the heap
    expect(sim.pending).toBe(1001);
    let n = 0;
    while (sim.step()) n++;
    expect(n).toBe(1001);
    expect(sim.pending).toBe(0);
  });
});
