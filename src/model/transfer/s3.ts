// An S3-like object store: PUT and GET are each a drawn per-request setup (first byte, rare
// retransmit timeouts, slow start; s3-model.ts, fitted to STeLLAR IISWC'21) followed by the payload
// as a network flow between the function's node and the store, capped at the request's connection
// throughput and sharing the node's NIC with everything else. Counts requests and stored GB-time.
import type { RandomStream } from '../../engine/random.ts';
import type { TransferCost } from './cost.ts';
import type { TransferDone, TransferOutcome } from './outcome.ts';
import type { TransferRunner } from './runner.ts';
import { drawS3Request, type S3ModelParams } from './s3-model.ts';

interface StoredObject {
  readonly bytes: number;
  readonly sinceUs: number;
}

export class ObjectStore {
  private readonly objects = new Map<string, StoredObject>();
  /** Requests that paid a retransmit timeout (the long tail), for reports. */
  timeouts = 0;
  storedBytes = 0;

  constructor(
    private readonly runner: TransferRunner,
    private readonly now: () => number,
    readonly params: S3ModelParams,
    /** Network node of the store's front door (an unlimited NIC: S3 scales out). */
    readonly endpoint: number,
    private readonly rngPut: RandomStream,
    private readonly rngGet: RandomStream,
    private readonly cost: TransferCost,
    /** Which service this is (`s3`, `gcs`): the method of its operations' outcomes. */
    readonly service: 's3' | 'gcs' = 's3',
  ) {}

  /** PUTs `bytes` from `node` under `key` (phases `request`, `upload`); the object exists once done. */
  put(node: number, key: string, bytes: number, done: TransferDone): void {
    const d = drawS3Request(this.params, 'put', bytes, this.rngPut);
    if (d.timeoutUs > 0) this.timeouts++;
    this.cost.addS3Put();
    this.runner.run(
      this.service,
      'put',
      bytes,
      [
        { phase: 'request', delayUs: d.setupUs },
        { phase: 'upload', flow: { src: node, dst: this.endpoint, bytes, capBitsPerSec: d.capBitsPerSec } },
      ],
      (o: TransferOutcome) => {
        if (o.ok) {
          this.delete(key); // overwrite: the old version stops accruing storage
          this.objects.set(key, { bytes, sinceUs: this.now() });
          this.storedBytes += bytes;
        }
        done(o);
      },
    );
  }

  /** GETs `key` to `node` (phases `request`, `download`); fails `no-such-object` if absent. */
  get(node: number, key: string, done: TransferDone): void {
    const obj = this.objects.get(key);
    if (!obj) {
      this.runner.fail(this.service, 'get', 0, 'no-such-object', `no object ${JSON.stringify(key)} in the store`, done);
      return;
    }
    const d = drawS3Request(this.params, 'get', obj.bytes, this.rngGet);
    if (d.timeoutUs > 0) this.timeouts++;
    this.cost.addS3Get();
    this.runner.run(
      this.service,
      'get',
      obj.bytes,
      [
        { phase: 'request', delayUs: d.setupUs },
        { phase: 'download', flow: { src: this.endpoint, dst: node, bytes: obj.bytes, capBitsPerSec: d.capBitsPerSec } },
      ],
      done,
    );
  }

  has(key: string): boolean {
    return this.objects.has(key);
  }

  /** Deletes `key` (free: S3 does not charge DELETE) and bills its storage time. */
  delete(key: string): boolean {
    const obj = this.objects.get(key);
    if (!obj) return false;
    this.objects.delete(key);
    this.storedBytes -= obj.bytes;
    this.cost.addS3Storage(obj.bytes, this.now() - obj.sinceUs);
    return true;
  }

  /** Bills the storage time of every object still stored, up to now (call at the end of a run). */
  settle(): void {
    const t = this.now();
    for (const [key, obj] of this.objects) {
      this.cost.addS3Storage(obj.bytes, t - obj.sinceUs);
      this.objects.set(key, { bytes: obj.bytes, sinceUs: t });
    }
  }
}
