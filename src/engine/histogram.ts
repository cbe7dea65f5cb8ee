// A mergeable log-linear histogram (HdrHistogram-style): each power of two is split into 128
// equal sub-buckets, so a value is located with integer operations (no logarithm) and quantiles
// have a relative error below 0.4%, in constant memory whatever the number of samples. Values
// are >= 0; values below 128 (us) are counted exactly. Only the range of buckets between the
// smallest and largest value seen is kept, in a plain array (on the JS heap: one load fewer per add
// than a typed array's external store), so a histogram per function (functions.csv percentiles)
// stays small and cheap on a 10,000-function trace: ~1 KiB per power of two its values span.

const SUB_BITS = 7;
const SUB = 1 << SUB_BITS; // sub-buckets per power of two
const TWO32 = 2 ** 32;

/** Bucket index of a non-negative value (integer part used). */
export function bucketOf(v: number): number {
  let n = Math.floor(v);
  if (n < SUB) return n; // exact region
  let shift = 0;
  while (n >= TWO32) {
    n = Math.floor(n / 2);
    shift++;
  }
  const exp = 31 - Math.clz32(n); // n in [2^exp, 2^(exp+1)), exp >= SUB_BITS
  const sub = (n >>> (exp - SUB_BITS)) & (SUB - 1);
  return (exp + shift - SUB_BITS + 1) * SUB + sub;
}

/** Lower bound and width of a bucket. */
function bucketRange(i: number): [number, number] {
  if (i < SUB) return [i, 1];
  const block = Math.floor(i / SUB) - 1; // exp - SUB_BITS
  const sub = i % SUB;
  const width = 2 ** block;
  return [(SUB + sub) * width, width];
}

export class LogHistogram {
  /** Counts of buckets base .. base + counts.length - 1 (the range seen so far). */
  private counts: number[] = [];
  private base = 0;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  add(v: number, weight = 1): void {
    this.count += weight;
    this.sum += v * weight;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    const i = bucketOf(v < 0 ? 0 : v);
    const j = i - this.base;
    const c = this.counts;
    if (j >= 0 && j < c.length) c[j]! += weight;
    else this.widen(i, weight);
  }

  /** Adds `weight` to bucket `i`, extending the range to it if needed. */
  private widen(i: number, weight: number): void {
    const c = this.counts;
    if (c.length === 0) {
      this.base = i;
      this.counts = [weight];
    } else if (i < this.base) {
      const front = new Array<number>(this.base - i).fill(0);
      front[0] = weight;
      this.counts = front.concat(c);
      this.base = i;
    } else if (i - this.base >= c.length) {
      while (c.length < i - this.base) c.push(0);
      c.push(weight);
    } else {
      c[i - this.base]! += weight;
    }
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /** The q-quantile (0..1), nearest rank, bucket midpoint; exact at min and max. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const rank = q * (this.count - 1);
    let seen = 0;
    const c = this.counts;
    for (let j = 0; j < c.length; j++) {
      seen += c[j]!;
      if (seen > rank) {
        const [lo, width] = bucketRange(this.base + j);
        const estimate = width === 1 ? lo : lo + width / 2;
        return Math.min(this.max, Math.max(this.min, estimate));
      }
    }
    return this.max;
  }

  merge(other: LogHistogram): void {
    const o = other.counts;
    if (o.length > 0) {
      // Widened to cover both ranges first, then added bucket by bucket.
      this.widen(other.base, 0);
      this.widen(other.base + o.length - 1, 0);
      const off = other.base - this.base;
      for (let j = 0; j < o.length; j++) this.counts[off + j]! += o[j]!;
    }
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** Plain data for a file or a message (min and max are null while it is empty: JSON has no Infinity). */
  toJSON(): HistogramData {
    return { base: this.base, counts: this.counts, count: this.count, sum: this.sum, min: this.count ? this.min : null, max: this.count ? this.max : null };
  }

  /** The histogram `toJSON` gave: the same buckets and sums, so merges and quantiles are unchanged. */
  static fromJSON(d: HistogramData): LogHistogram {
    const h = new LogHistogram();
    h.base = d.base;
    h.counts = [...d.counts];
    h.count = d.count;
    h.sum = d.sum;
    h.min = d.min ?? Infinity;
    h.max = d.max ?? -Infinity;
    return h;
  }
}

export interface HistogramData {
  readonly base: number;
  readonly counts: readonly number[];
  readonly count: number;
  readonly sum: number;
  readonly min: number | null;
  readonly max: number | null;
}
