// The control-plane hop of a function-to-function invocation (producer calls the provider's invoke
// API, the front-end routes it, the consumer starts running), as a per-call log-normal delay
// fitted to STeLLAR's 1 KB inline chains (providers.ts). The platform may use it when chaining
// invocations; the transfer methods below add only what moving the payload costs on top.
import type { RandomStream } from '../../engine/random.ts';
import type { ProviderPreset } from './providers.ts';
import type { TransferDone } from './outcome.ts';
import type { TransferRunner } from './runner.ts';
import { standardNormal } from '../../engine/distributions.ts';

export class InvokeHop {
  constructor(
    private readonly runner: TransferRunner,
    readonly provider: ProviderPreset,
    private readonly rng: RandomStream,
  ) {}

  /** One draw of the hop's delay (us). */
  drawUs(): number {
    return this.provider.invokeMedianUs * Math.exp(this.provider.invokeSigma * standardNormal(this.rng));
  }

  /** Runs one hop (phase `invoke`). */
  hop(done: TransferDone): void {
    this.runner.run('invoke', 'hop', 0, [{ phase: 'invoke', delayUs: this.drawUs() }], done);
  }
}
