// A mergeable log-linear histogram (HdrHistogram-style): each power of two is split into 128
// equal sub-buckets, so a value is located with integer operations (no logarithm) and quantiles
// have a relative error below 0.4%, in constant memory whatever the number of samples. Values
// are >= 0; values below 128 (us) are counted exactly. Buckets are kept in blocks of 128, one per
// power of two, allocated on first use: a histogram costs ~1 KiB per power of two its values
// span, so one per function (functions.csv percentiles) stays small on a 10,000-function trace.

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
  /** Block b holds buckets [b * SUB, (b + 1) * SUB); undefined until a value falls in it. */
  private blocks: (Float64Array | undefined)[] = [];
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
    const b = i >>> SUB_BITS;
    const block = this.blocks[b] ?? this.block(b);
    block[i & (SUB - 1)]! += weight;
  }

  private block(b: number): Float64Array {
    // Filled up to b first, so the array stays packed (holes would make it a slow dictionary).
    while (this.blocks.length <= b) this.blocks.push(undefined);
    const block = new Float64Array(SUB);
    this.blocks[b] = block;
    return block;
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
    for (let b = 0; b < this.blocks.length; b++) {
      const block = this.blocks[b];
      if (block === undefined) continue;
      for (let j = 0; j < SUB; j++) {
        seen += block[j]!;
        if (seen <= rank) continue;
        const i = b * SUB + j;
        const [lo, width] = bucketRange(i);
        const estimate = width === 1 ? lo : lo + width / 2;
        return Math.min(this.max, Math.max(this.min, estimate));
      }
    }
    return this.max;
  }

  merge(other: LogHistogram): void {
    other.blocks.forEach((from, b) => {
      if (from === undefined) return;
      const to = this.blocks[b] ?? this.block(b);
      for (let j = 0; j < SUB; j++) to[j]! += from[j]!;
    });
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }
}
