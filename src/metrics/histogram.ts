// A mergeable log-bucketed histogram (DDSketch-style): quantiles with a bounded relative error
// (0.5% by default) in constant memory, whatever the number of samples. Values are >= 0.
const DEFAULT_ALPHA = 0.005;

export class LogHistogram {
  private readonly gamma: number;
  private readonly lnGamma: number;
  private counts: Float64Array;
  /** Count of values below 1 (reported as 0: times are in whole us). */
  private zeros = 0;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  constructor(readonly alpha = DEFAULT_ALPHA) {
    this.gamma = (1 + alpha) / (1 - alpha);
    this.lnGamma = Math.log(this.gamma);
    this.counts = new Float64Array(64);
  }

  add(v: number, weight = 1): void {
    this.count += weight;
    this.sum += v * weight;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (v < 1) {
      this.zeros += weight;
      return;
    }
    const i = Math.ceil(Math.log(v) / this.lnGamma);
    if (i >= this.counts.length) this.grow(i + 1);
    this.counts[i]! += weight;
  }

  private grow(n: number): void {
    let cap = this.counts.length;
    while (cap < n) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.counts);
    this.counts = next;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /** The q-quantile (0..1), nearest rank, within the relative error; exact at min and max. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const rank = q * (this.count - 1);
    let seen = this.zeros;
    if (rank < seen) return 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen > rank) {
        const estimate = (2 * this.gamma ** i) / (this.gamma + 1);
        return Math.min(this.max, Math.max(this.min, estimate));
      }
    }
    return this.max;
  }

  merge(other: LogHistogram): void {
    if (other.alpha !== this.alpha) throw new Error('cannot merge histograms of different accuracy');
    if (other.counts.length > this.counts.length) this.grow(other.counts.length);
    for (let i = 0; i < other.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.zeros += other.zeros;
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }
}
