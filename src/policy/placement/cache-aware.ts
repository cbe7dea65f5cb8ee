// Snapshot/cache-aware placement: prefer a node whose host page cache already holds the function's
// snapshot pages, then one whose disk holds its recorded REAP working-set file, so the cold start
// is cheaper (the locality argument of REAP, ASPLOS'21, and of vHive's snapshot placement). Among
// equally warm nodes it is least-loaded; with no warm node that fits it falls back to least-loaded.
import type { FleetView, FunctionView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';
import { leastLoaded } from './least-loaded.ts';

export class CacheAwarePlacement implements PlacementPolicy {
  readonly name = 'cache-aware';

  place(fn: FunctionView, fleet: FleetView): number {
    return leastLoaded(fn, fleet, true);
  }
}
