// Fixed keep-alive: an idle instance is torn down after a constant time without requests
// (AWS Lambda ~10 min, Azure Functions ~20 min; Shahrad et al., ATC'20, section 4).
import type { KeepAlivePolicy } from '../../model/policy-interfaces.ts';

export class FixedTtlKeepAlive implements KeepAlivePolicy {
  readonly name: string;

  constructor(
    readonly ttlUs: number,
    ttlText: string,
  ) {
    if (!(ttlUs > 0)) throw new Error(`fixed keep-alive needs ttl > 0, got ${ttlText}`);
    this.name = `fixed(ttl=${ttlText})`;
  }

  idleTimeout(): number {
    return this.ttlUs;
  }
}
