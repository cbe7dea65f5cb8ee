// The classic hold model: a fixed population of pending events; each processed event schedules one
// more at now + Exp(mean). Measures the event core alone (heap and dispatch), in events/s.
import { Exponential } from '../src/engine/distributions.ts';
import { RandomStreams } from '../src/engine/random.ts';
import { Simulator } from '../src/engine/simulator.ts';

export function holdModel(pending: number, events: number): { eventsPerSec: number; wallMs: number } {
  const sim = new Simulator();
  const rng = new RandomStreams(1).stream('hold');
  const gap = new Exponential(1000);
  let left = events;
  const kind = sim.register('hold', (target) => {
    if (--left > 0) sim.schedule(sim.now + 1 + Math.floor(gap.sample(rng)), kind, target);
  });
  for (let i = 0; i < pending; i++) sim.schedule(Math.floor(gap.sample(rng)), kind, i);
  const t0 = performance.now();
  sim.run();
  const wallMs = performance.now() - t0;
  return { eventsPerSec: (sim.processed / wallMs) * 1000, wallMs };
}
