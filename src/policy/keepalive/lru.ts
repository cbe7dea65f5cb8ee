// LRU caching of instances: keep every idle instance until memory is needed, then evict the least
// recently used (the baseline of FaasCache, Fuerst & Sharma, ASPLOS'21).
import type { InstanceView } from '../../model/views.ts';
import type { KeepAlivePolicy } from '../../model/policy-interfaces.ts';

export class LruKeepAlive implements KeepAlivePolicy {
  readonly name = 'lru';

  idleTimeout(): number {
    return Infinity;
  }

  evictionPriority(inst: InstanceView): number {
    return inst.lastUsed;
  }
}
