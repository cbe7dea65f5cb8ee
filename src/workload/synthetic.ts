// Synthetic arrival processes per function: Poisson (exponential gaps), fixed inter-arrival, and
// bursts of N simultaneous requests every T (as STeLLAR issues them). Each is an ordered stream
// over [start, end) drawing from its own named random stream.
import type { RandomStream } from '../engine/random.ts';
import type { OrderedStream } from '../engine/lane.ts';

/** Poisson arrivals at `ratePerUs` per us; times are rounded down to whole us. */
export class PoissonStream implements OrderedStream {
  private t: number; // exact (fractional) time of the next arrival
  private readonly mean: number;

  constructor(
    private readonly fn: number,
    ratePerUs: number,
    start: number,
    private readonly end: number,
    private readonly rng: RandomStream,
  ) {
    if (!(ratePerUs > 0)) throw new RangeError(`poisson rate must be > 0`);
    this.mean = 1 / ratePerUs;
    this.t = start + this.gap();
    this.time = this.timeOf(this.t);
  }

  time: number;

  private timeOf(t: number): number {
    const whole = Math.floor(t);
    return whole < this.end ? whole : Infinity;
  }

  private gap(): number {
    return -this.mean * Math.log(1 - this.rng.next());
  }

  take(): number {
    this.t += this.gap();
    this.time = this.timeOf(this.t);
    return this.fn;
  }
}

/** One arrival every `interval` us, the first at `start + offset`. */
export class FixedIntervalStream implements OrderedStream {
  private t: number;

  constructor(
    private readonly fn: number,
    private readonly interval: number,
    start: number,
    offset: number,
    private readonly end: number,
  ) {
    if (!(interval > 0)) throw new RangeError('fixed interval must be > 0');
    this.t = start + offset;
    this.time = this.t < this.end ? this.t : Infinity;
  }

  time: number;

  take(): number {
    this.t += this.interval;
    this.time = this.t < this.end ? this.t : Infinity;
    return this.fn;
  }
}

/** `size` simultaneous arrivals every `every` us, the first burst at `start + offset`. */
export class BurstStream implements OrderedStream {
  private t: number;
  private left: number;

  constructor(
    private readonly fn: number,
    private readonly size: number,
    private readonly every: number,
    start: number,
    offset: number,
    private readonly end: number,
  ) {
    if (!(every > 0)) throw new RangeError('burst period must be > 0');
    if (!(size >= 1)) throw new RangeError('burst size must be >= 1');
    this.t = start + offset;
    this.left = size;
    this.time = this.t < this.end ? this.t : Infinity;
  }

  time: number;

  take(): number {
    if (--this.left === 0) {
      this.left = this.size;
      this.t += this.every;
      this.time = this.t < this.end ? this.t : Infinity;
    }
    return this.fn;
  }
}
