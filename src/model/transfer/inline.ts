// Inline transfer: the payload rides inside the invocation request through the provider's
// front-end (producer -> front-end -> consumer, cut through, one flow), at a per-request
// throughput fitted to STeLLAR (IISWC'21 §VI-C1); a payload over the provider's inline limit fails
// with a reason instead of running.
import { standardNormal } from '../../engine/distributions.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { ProviderPreset } from './providers.ts';
import type { TransferDone } from './outcome.ts';
import type { TransferRunner } from './runner.ts';

export class InlineTransfer {
  constructor(
    private readonly runner: TransferRunner,
    readonly provider: ProviderPreset,
    /** Network node of the provider's front-end. */
    readonly frontEnd: number,
    private readonly rng: RandomStream,
  ) {}

  /** Null if `bytes` may travel inline, else why not (for callers that check before invoking). */
  check(bytes: number): string | null {
    const lim = this.provider.inlineLimitBytes;
    return bytes > lim ? `inline payload of ${bytes} B exceeds the ${this.provider.name} limit of ${lim} B (${this.provider.inlineLimitSource})` : null;
  }

  /** Sends `bytes` from node `src` to node `dst` through the front-end (phase `payload`). */
  send(src: number, dst: number, bytes: number, done: TransferDone): void {
    const problem = this.check(bytes);
    if (problem !== null) {
      this.runner.fail('inline', 'send', bytes, 'over-limit', problem, done);
      return;
    }
    const p = this.provider;
    // Always two uniforms per send, so the stream stays aligned whatever the payload.
    const factor = Math.exp(p.inlineThroughputSigma * standardNormal(this.rng));
    const cap = p.inlineBitsPerSec / factor;
    const flow = Number.isFinite(cap) ? { src, dst, bytes, via: this.frontEnd, capBitsPerSec: cap } : { src, dst, bytes, via: this.frontEnd };
    this.runner.run('inline', 'send', bytes, [{ phase: 'payload', flow }], done);
  }
}
