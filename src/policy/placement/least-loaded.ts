// Least-loaded placement: the node with the lowest CPU load (busy vCPUs / cores) among those with
// enough free memory; ties go to the node with more free memory, then the lower index.
import type { FleetView, FunctionView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';

/**
 * The least-loaded node of `fleet` that fits `fn`, -1 if none fits. With `preferWarm`, nodes
 * holding more of `fn`'s snapshot come first and load only breaks ties among equally warm nodes.
 */
export function leastLoaded(fn: FunctionView, fleet: FleetView, preferWarm = false): number {
  const freeMiB = fleet.freeMiB;
  const busy = fleet.busyVcpus;
  const cores = fleet.cores;
  const need = fn.memoryMiB;
  let best = -1;
  let bestPref = -Infinity;
  let bestLoad = Infinity;
  let bestFree = -Infinity;
  for (let i = 0; i < fleet.count; i++) {
    const free = freeMiB[i]!;
    if (free < need) continue;
    const pref = preferWarm ? fleet.snapshotWarmth(fn.index, i) : 0;
    const load = busy[i]! / cores[i]!;
    if (pref > bestPref || (pref === bestPref && (load < bestLoad || (load === bestLoad && free > bestFree)))) {
      best = i;
      bestPref = pref;
      bestLoad = load;
      bestFree = free;
    }
  }
  return best;
}

export class LeastLoadedPlacement implements PlacementPolicy {
  readonly name = 'least-loaded';

  place(fn: FunctionView, fleet: FleetView): number {
    return leastLoaded(fn, fleet);
  }
}
