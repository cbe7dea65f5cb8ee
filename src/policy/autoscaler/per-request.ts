// Scale per request, as AWS Lambda does: every request that finds no free slot, and no slot on an
// instance already starting, starts a new instance (one per `concurrency` waiting requests).
import type { FunctionView } from '../../model/views.ts';
import type { AutoscalerPolicy, DemandView } from '../../model/policy-interfaces.ts';

export class PerRequestAutoscaler implements AutoscalerPolicy {
  readonly name = 'per-request';

  instancesToStart(fn: FunctionView, demand: DemandView): number {
    const unserved = demand.queued - demand.startingSlots;
    return unserved > 0 ? Math.ceil(unserved / (demand.slotsPerInstance ?? fn.concurrency)) : 0;
  }
}
