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
      // seedrandom seeds the generator (Baagoe's mash); the draws are made by AleaStream.
      const seeded = seedrandom.alea(`${this.seed}\u0000${name}`, { state: true }).state();
      s = new AleaStream(seeded.c, seeded.s0, seeded.s1, seeded.s2);
      this.cache.set(name, s);
    }
    return s;
  }
}

/**
 * Baagoe's Alea step, as in seedrandom's `alea` (same arithmetic, so the same draws), with its
 * state in a typed array: seedrandom keeps it in object fields, and every draw boxed new numbers,
 * which made the generator one of the largest allocators of a trace replay.
 */
export class AleaStream implements RandomStream {
  private readonly st = new Float64Array(4); // c, s0, s1, s2

  constructor(c: number, s0: number, s1: number, s2: number) {
    this.st[0] = c;
    this.st[1] = s0;
    this.st[2] = s1;
    this.st[3] = s2;
  }

  next(): number {
    const st = this.st;
    const t = 2091639 * st[1]! + st[0]! * 2.3283064365386963e-10; // 2^-32
    st[1] = st[2]!;
    st[2] = st[3]!;
    const c = t | 0;
    st[0] = c;
    return (st[3] = t - c);
  }
}
