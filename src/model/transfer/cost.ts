// What intermediate data costs: unit prices x counts for S3 requests and storage, ElastiCache
// node-hours, and (provider's view) memory held by XDT buffers. Prices are AWS us-east-1 public
// list prices (see AWS_PRICES_2021 for sources and dates); data transfer inside a region is free.

export interface TransferPrices {
  /** USD per 1,000 PUT/COPY/POST/LIST requests (S3 Standard). */
  readonly s3PutPer1000: number;
  /** USD per 1,000 GET/SELECT requests (S3 Standard). */
  readonly s3GetPer1000: number;
  /** USD per GB-month of S3 Standard storage (GB = 2^30 bytes, month = 730 h, as AWS bills). */
  readonly s3StoragePerGBMonth: number;
  /** USD per node-hour of the cache node type. */
  readonly cacheNodeHour: number;
  /** USD per GB moved between functions and services inside one region. */
  readonly intraRegionPerGB: number;
}

/**
 * S3 requests: $0.005 / 1,000 PUT and $0.0004 / 1,000 GET (S3 pricing page; the figures the
 * calibration README quotes). Storage: $0.023 per GB-month (S3 Standard, first 50 TB). Cache:
 * cache.r6g.large on-demand, $0.206 per hour (ElastiCache pricing page, Redis OSS, us-east-1).
 * Data transfer between S3/ElastiCache and Lambda in the same region: $0.00 per GB.
 * List prices as published 2021-2024; check the pages before quoting absolute dollars.
 */
export const AWS_PRICES_2021: TransferPrices = {
  s3PutPer1000: 0.005,
  s3GetPer1000: 0.0004,
  s3StoragePerGBMonth: 0.023,
  cacheNodeHour: 0.206,
  intraRegionPerGB: 0,
};

const GB = 2 ** 30;
const US_PER_HOUR = 3_600e6;
const US_PER_MONTH = 730 * US_PER_HOUR;

export interface TransferBill {
  readonly s3RequestsUSD: number;
  readonly s3StorageUSD: number;
  readonly cacheUSD: number;
  readonly dataTransferUSD: number;
  /** Billed to the user: the sum of the above. */
  readonly totalUSD: number;
  /** Provider's view, not billed: memory held by XDT buffers (GB-s). */
  readonly xdtBufferGBs: number;
}

/** A TransferCost as plain data (its own fields). */
export type TransferCostData = {
  readonly [K in 'prices' | 's3Puts' | 's3Gets' | 's3StorageByteUs' | 'cacheNodeUs' | 'intraRegionBytes' | 'xdtBufferByteUs']: TransferCost[K];
};

export class TransferCost {
  s3Puts = 0;
  s3Gets = 0;
  /** Bytes x microseconds of objects stored in S3. */
  s3StorageByteUs = 0;
  /** Node x microseconds of cache nodes provisioned. */
  cacheNodeUs = 0;
  /** Bytes moved inside the region (priced at intraRegionPerGB). */
  intraRegionBytes = 0;
  /** Bytes x microseconds held in XDT sender buffers. */
  xdtBufferByteUs = 0;

  constructor(readonly prices: TransferPrices = AWS_PRICES_2021) {}

  addS3Put(count = 1): void {
    this.s3Puts += count;
  }
  addS3Get(count = 1): void {
    this.s3Gets += count;
  }
  addS3Storage(bytes: number, durationUs: number): void {
    this.s3StorageByteUs += bytes * durationUs;
  }
  addCacheNodeTime(nodes: number, durationUs: number): void {
    this.cacheNodeUs += nodes * durationUs;
  }
  addIntraRegion(bytes: number): void {
    this.intraRegionBytes += bytes;
  }
  addXdtBuffer(bytes: number, durationUs: number): void {
    this.xdtBufferByteUs += bytes * durationUs;
  }

  /** Plain data for a file or a message: the prices and the counts. */
  toJSON(): TransferCostData {
    return { ...this };
  }

  /** The accumulator `toJSON` gave. */
  static fromJSON(d: TransferCostData): TransferCost {
    const { prices, ...counts } = d;
    return Object.assign(new TransferCost(prices), counts);
  }

  /** Adds another accumulator's counts (e.g. per-workflow into per-run). */
  merge(o: TransferCost): void {
    this.s3Puts += o.s3Puts;
    this.s3Gets += o.s3Gets;
    this.s3StorageByteUs += o.s3StorageByteUs;
    this.cacheNodeUs += o.cacheNodeUs;
    this.intraRegionBytes += o.intraRegionBytes;
    this.xdtBufferByteUs += o.xdtBufferByteUs;
  }

  bill(): TransferBill {
    const p = this.prices;
    const s3RequestsUSD = (this.s3Puts * p.s3PutPer1000 + this.s3Gets * p.s3GetPer1000) / 1000;
    const s3StorageUSD = (this.s3StorageByteUs / GB / US_PER_MONTH) * p.s3StoragePerGBMonth;
    const cacheUSD = (this.cacheNodeUs / US_PER_HOUR) * p.cacheNodeHour;
    const dataTransferUSD = (this.intraRegionBytes / GB) * p.intraRegionPerGB;
    return {
      s3RequestsUSD,
      s3StorageUSD,
      cacheUSD,
      dataTransferUSD,
      totalUSD: s3RequestsUSD + s3StorageUSD + cacheUSD + dataTransferUSD,
      xdtBufferGBs: this.xdtBufferByteUs / GB / 1e6,
    };
  }
}
