// The transfer services of one run on one network: the provider's front-end (inline payloads and
// the invoke hop), the provider's object store (S3 or GCS), an ElastiCache-like cache and XDT buffers, with one cost
// accumulator and one named random stream per purpose (`transfer/<service>/<...>`).
import type { RandomStreams } from '../../engine/random.ts';
import type { Simulator } from '../../engine/simulator.ts';
import type { Network } from '../network/network.ts';
import { AWS_PRICES_2021, TransferCost, type TransferPrices } from './cost.ts';
import { Cache, CACHE_R6G_LARGE, type CacheSpec } from './elasticache.ts';
import { InlineTransfer } from './inline.ts';
import { InvokeHop } from './invoke-hop.ts';
import { PROVIDERS, type ProviderName } from './providers.ts';
import { TransferRunner } from './runner.ts';
import { ObjectStore } from './s3.ts';
import type { S3ModelParams } from './s3-model.ts';
import { XdtBuffers, type XdtListeners, type XdtOptions } from './xdt.ts';

export interface TransferServicesOptions {
  readonly provider?: ProviderName;
  /** Replaces the provider's object-store model (default: the provider's, S3 or GCS). */
  readonly s3?: S3ModelParams;
  readonly cache?: CacheSpec;
  readonly prices?: TransferPrices;
  readonly xdt?: XdtListeners & XdtOptions;
  /** NIC of the front-end fleet (bits/s): it relays every inline payload. Default 100 Gb/s. */
  readonly frontEndBitsPerSec?: number;
}

export class TransferServices {
  readonly runner: TransferRunner;
  readonly cost: TransferCost;
  readonly invoke: InvokeHop;
  readonly inline: InlineTransfer;
  /** The provider's object store (S3 for AWS and vHive, GCS for Google); `s3` for history. */
  readonly s3: ObjectStore;
  readonly cache: Cache;
  readonly xdt: XdtBuffers;
  /** Network nodes added for the services. */
  readonly frontEndNode: number;
  readonly s3Node: number;
  readonly cacheNode: number;

  constructor(
    sim: Simulator,
    streams: RandomStreams,
    readonly network: Network,
    opts: TransferServicesOptions = {},
  ) {
    const provider = PROVIDERS[opts.provider ?? 'aws-lambda-2021'];
    const cacheSpec = opts.cache ?? CACHE_R6G_LARGE;
    const now = (): number => sim.now;
    this.runner = new TransferRunner(sim, network);
    this.cost = new TransferCost(opts.prices ?? AWS_PRICES_2021);
    // Services are endpoints on the fabric. S3's per-request limits are in its model; its front
    // door is unlimited (it scales out), and its latency is inside the drawn request time.
    this.frontEndNode = network.addNode('front-end', { bitsPerSec: opts.frontEndBitsPerSec ?? 100e9, latencyUs: 0 });
    const store = provider.storage.service;
    this.s3Node = network.addNode(store, { bitsPerSec: Infinity, latencyUs: 0 });
    this.cacheNode = network.addNode('elasticache', { bitsPerSec: cacheSpec.nicBitsPerSec, latencyUs: 0 });
    this.invoke = new InvokeHop(this.runner, provider, streams.stream(`transfer/invoke/${provider.name}`));
    this.inline = new InlineTransfer(this.runner, provider, this.frontEndNode, streams.stream(`transfer/inline/${provider.name}`));
    this.s3 = new ObjectStore(
      this.runner,
      now,
      opts.s3 ?? provider.storage.params,
      this.s3Node,
      streams.stream(`transfer/${store}/put`),
      streams.stream(`transfer/${store}/get`),
      this.cost,
      store,
    );
    this.cache = new Cache(this.runner, now, cacheSpec, this.cacheNode, streams.stream('transfer/elasticache'), this.cost);
    this.xdt = new XdtBuffers(sim, this.runner, this.cost, opts.xdt ?? {}, opts.xdt ?? {});
  }

  /** Bills storage and cache time up to now; call once at the end of a run, before reading cost. */
  settle(): void {
    this.s3.settle();
    this.cache.settle();
  }
}
