// An ElastiCache-like in-memory cache (one Redis node): sub-millisecond request latency, the
// payload as a network flow through the cache node's NIC (shared by every client), finite memory,
// billed per node-hour whether used or not. Figures: cache.r6g.large (AWS ElastiCache docs).
import { standardNormal } from '../../engine/distributions.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { TransferCost } from './cost.ts';
import type { TransferDone, TransferOutcome } from './outcome.ts';
import type { TransferRunner } from './runner.ts';

export interface CacheSpec {
  readonly nodeType: string;
  /** Memory available for data (bytes). */
  readonly capacityBytes: number;
  /** Network bandwidth of the node (bits/s). */
  readonly nicBitsPerSec: number;
  /** Largest single value (bytes): Redis strings are limited to 512 MB (proto-max-bulk-len). */
  readonly maxValueBytes: number;
  /** Per-request latency before the payload moves: log-normal median (us) and sigma. */
  readonly requestMedianUs: number;
  readonly requestSigma: number;
  readonly nodes: number;
}

/**
 * cache.r6g.large: 13.07 GiB memory, network "up to 10 Gigabit" (ElastiCache supported node
 * types). The burst figure is used as the NIC (its ~0.75 Gb/s baseline and the credit bucket are
 * not modelled). Request latency: AWS advertises sub-millisecond reads and writes; a 250 us median
 * round trip with sigma 0.35 (p99 ~0.6 ms) is our assumption for an in-VPC Redis GET/SET.
 */
export const CACHE_R6G_LARGE: CacheSpec = {
  nodeType: 'cache.r6g.large',
  capacityBytes: Math.round(13.07 * 2 ** 30),
  nicBitsPerSec: 10e9,
  maxValueBytes: 512 * 2 ** 20,
  requestMedianUs: 250,
  requestSigma: 0.35,
  nodes: 1,
};

export class Cache {
  private readonly values = new Map<string, number>();
  /** Bytes stored or reserved by PUTs in flight. */
  usedBytes = 0;
  private readonly createdUs: number;
  private billedUntilUs: number;

  constructor(
    private readonly runner: TransferRunner,
    private readonly now: () => number,
    readonly spec: CacheSpec,
    /** Network node of the cache (its NIC is the spec's). */
    readonly endpoint: number,
    private readonly rng: RandomStream,
    private readonly cost: TransferCost,
  ) {
    this.createdUs = now();
    this.billedUntilUs = this.createdUs;
  }

  private requestUs(): number {
    return this.spec.requestMedianUs * Math.exp(this.spec.requestSigma * standardNormal(this.rng));
  }

  /**
   * SETs `bytes` from `node` under `key` (phases `request`, `upload`). A value that does not fit
   * fails (`cache-full`) rather than evicting: ElastiCache's default maxmemory-policy,
   * volatile-lru, only evicts keys with a TTL, and intermediate data is written without one, so
   * Redis answers OOM. Over 512 MB fails `value-too-large`. Memory is reserved at the start.
   */
  put(node: number, key: string, bytes: number, done: TransferDone): void {
    if (bytes > this.spec.maxValueBytes) {
      this.runner.fail('elasticache', 'put', bytes, 'value-too-large', `value of ${bytes} B exceeds Redis's ${this.spec.maxValueBytes} B limit`, done);
      return;
    }
    const old = this.values.get(key) ?? 0;
    if (this.usedBytes - old + bytes > this.spec.capacityBytes) {
      this.runner.fail(
        'elasticache',
        'put',
        bytes,
        'cache-full',
        `${bytes} B do not fit: ${this.usedBytes} of ${this.spec.capacityBytes} B used on ${this.spec.nodeType}`,
        done,
      );
      return;
    }
    this.usedBytes += bytes - old;
    this.values.set(key, bytes);
    this.runner.run(
      'elasticache',
      'put',
      bytes,
      [
        { phase: 'request', delayUs: this.requestUs() },
        { phase: 'upload', flow: { src: node, dst: this.endpoint, bytes } },
      ],
      done,
    );
  }

  /** GETs `key` to `node` (phases `request`, `download`); `no-such-object` if absent. */
  get(node: number, key: string, done: TransferDone): void {
    const bytes = this.values.get(key);
    if (bytes === undefined) {
      this.runner.fail('elasticache', 'get', 0, 'no-such-object', `no key ${JSON.stringify(key)} in the cache`, done);
      return;
    }
    this.runner.run(
      'elasticache',
      'get',
      bytes,
      [
        { phase: 'request', delayUs: this.requestUs() },
        { phase: 'download', flow: { src: this.endpoint, dst: node, bytes } },
      ],
      (o: TransferOutcome) => done(o),
    );
  }

  /** DELs `key`, freeing its memory. */
  delete(key: string): boolean {
    const b = this.values.get(key);
    if (b === undefined) return false;
    this.values.delete(key);
    this.usedBytes -= b;
    return true;
  }

  /** Bills node time up to now (call at the end of a run; idempotent). */
  settle(): void {
    const t = this.now();
    this.cost.addCacheNodeTime(this.spec.nodes, t - this.billedUntilUs);
    this.billedUntilUs = t;
  }
}
