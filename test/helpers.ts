// Shared test helpers: small validated scenarios built from a partial description.
import { validateScenario } from '../src/scenario/load.ts';
import type { ResolvedScenario } from '../src/scenario/schema.ts';

export function scenario(partial: Record<string, unknown>): ResolvedScenario {
  return validateScenario({
    version: 1,
    name: 'test',
    seed: 1,
    duration: '1m',
    fleet: { nodes: [{ count: 1, cores: 4, memory: '4GiB' }] },
    functions: [{ name: 'f', memory: '256MiB', execution: '100ms' }],
    workload: [],
    ...partial,
  });
}

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu. */
export function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c; // a^c / c!
  const rho = a / c;
  const top = last / (1 - rho);
  return top / (sum + top);
}
