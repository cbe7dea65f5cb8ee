// No keep-alive: an instance is torn down as soon as it becomes idle, so every request is a cold
// start (the lower bound on idle memory, the upper bound on cold starts).
import type { KeepAlivePolicy } from '../../model/policy-interfaces.ts';

export class NoKeepAlive implements KeepAlivePolicy {
  readonly name = 'none';

  idleTimeout(): number {
    return 0;
  }
}
