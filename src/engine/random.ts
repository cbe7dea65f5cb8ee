// Named random streams derived from the run's master seed (seedrandom's Alea generator), so that
// adding a component or a function never changes the draws another stream makes.
import seedrandom from 'seedrandom';

export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
}

export class RandomStreams {
  private readonly cache = new Map<string, RandomStream>();

  constructor(readonly seed: number | string) {}

  /** The stream called `name` (e.g. `arrivals/hello`); the same name returns the same stream. */
  stream(name: string): RandomStream {
    let s = this.cache.get(name);
    if (!s) {
      const prng = seedrandom.alea(`${this.seed}\u0000${name}`);
      s = { next: () => prng() };
      this.cache.set(name, s);
    }
    return s;
  }
}
