// Samplers for the distributions the scenarios use. Each draws from the stream it is given, so the
// caller decides which named stream a quantity uses. Values are in the caller's unit (us for times).
import type { RandomStream } from './random.ts';

export interface Distribution {
  /** A draw (may be fractional; callers that need integer us round). */
  sample(rng: RandomStream): number;
  /** The distribution's mean, for analytic checks and policies. */
  readonly mean: number;
  /** Canonical text form, echoed in resolved scenarios. */
  readonly name: string;
}

export class Constant implements Distribution {
  constructor(readonly value: number) {}
  sample(): number {
    return this.value;
  }
  get mean(): number {
    return this.value;
  }
  get name(): string {
    return `constant(${this.value})`;
  }
}

export class Exponential implements Distribution {
  constructor(readonly mean: number) {
    if (!(mean > 0)) throw new RangeError(`exponential mean must be > 0, got ${mean}`);
  }
  sample(rng: RandomStream): number {
    // 1 - u is in (0, 1], so the log is finite.
    return -this.mean * Math.log(1 - rng.next());
  }
  get name(): string {
    return `exponential(mean=${this.mean})`;
  }
}

export class Uniform implements Distribution {
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    if (!(max >= min)) throw new RangeError(`uniform needs max >= min, got [${min}, ${max}]`);
  }
  sample(rng: RandomStream): number {
    return this.min + (this.max - this.min) * rng.next();
  }
  get mean(): number {
    return (this.min + this.max) / 2;
  }
  get name(): string {
    return `uniform(min=${this.min},max=${this.max})`;
  }
}

/** Standard normal by Box-Muller, using two uniforms per draw (no cached spare: stateless). */
export function standardNormal(rng: RandomStream): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

export class LogNormal implements Distribution {
  private readonly mu: number;
  constructor(
    readonly median: number,
    readonly sigma: number,
  ) {
    if (!(median > 0)) throw new RangeError(`lognormal median must be > 0, got ${median}`);
    if (!(sigma >= 0)) throw new RangeError(`lognormal sigma must be >= 0, got ${sigma}`);
    this.mu = Math.log(median);
  }
  sample(rng: RandomStream): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }
  get mean(): number {
    return Math.exp(this.mu + (this.sigma * this.sigma) / 2);
  }
  get name(): string {
    return `lognormal(median=${this.median},sigma=${this.sigma})`;
  }
}

/**
 * Piecewise-linear inverse CDF through (percentile, value) points, as the Azure trace gives
 * durations: draw a percentile uniformly, find its band, interpolate inside it.
 */
export class Empirical implements Distribution {
  readonly mean: number;
  // The points are not kept: a replay has two of these per function, and the flat copies below
  // are all sampling needs (as pairs they were ~14 small arrays per function).
  constructor(points: ReadonlyArray<readonly [number, number]>) {
    if (points.length < 2) throw new RangeError('empirical distribution needs at least two points');
    for (let i = 0; i < points.length; i++) {
      const [p, v] = points[i]!;
      if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} outside [0, 100]`);
      if (i > 0) {
        const [pp, pv] = points[i - 1]!;
        if (!(p > pp)) throw new RangeError('empirical percentiles must increase strictly');
        if (!(v >= pv)) throw new RangeError('empirical values must not decrease');
      }
    }
    if (points[0]![0] !== 0 || points[points.length - 1]![0] !== 100) {
      throw new RangeError('empirical distribution must span percentiles 0 to 100');
    }
    let m = 0;
    for (let i = 1; i < points.length; i++) {
      const [p0, v0] = points[i - 1]!;
      const [p1, v1] = points[i]!;
      m += ((p1 - p0) / 100) * ((v0 + v1) / 2);
    }
    this.mean = m;
    this.pcts = Float64Array.from(points, (p) => p[0]);
    this.values = Float64Array.from(points, (p) => p[1]);
  }
  // Flat copies of the points: sampling is on every request's path and must not allocate.
  private readonly pcts: Float64Array;
  private readonly values: Float64Array;

  /** The (percentile, value) points it was made from: `new Empirical(e.points())` is the same law, mean included. */
  points(): [number, number][] {
    return Array.from(this.pcts, (p, i) => [p, this.values[i]!]);
  }
  sample(rng: RandomStream): number {
    return this.quantile(rng.next() * 100);
  }
  quantile(pct: number): number {
    const ps = this.pcts;
    const vs = this.values;
    const last = ps.length - 1;
    let i = 1;
    while (i < last && ps[i]! < pct) i++;
    const p0 = ps[i - 1]!;
    const v0 = vs[i - 1]!;
    return v0 + ((pct - p0) / (ps[i]! - p0)) * (vs[i]! - v0);
  }
  get name(): string {
    return `empirical(${Array.from(this.pcts, (p, i) => `${p}:${this.values[i]}`).join(',')})`;
  }
}
