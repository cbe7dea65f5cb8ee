// Least-loaded placement: the node with the lowest CPU load (busy vCPUs / cores) among those with
// enough free memory; ties go to the node with more free memory, then the lower index.
import type { FleetView, FunctionView, NodeView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';

/**
 * The least-loaded node that fits `fn`; with `preference`, nodes with a higher preference come
 * first and load only breaks ties among them. -1 if no node fits.
 */
export function leastLoaded(fn: FunctionView, nodes: readonly NodeView[], preference?: (n: NodeView) => number): number {
  let best = -1;
  let bestPref = -Infinity;
  let bestLoad = Infinity;
  let bestFree = -Infinity;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const free = n.memoryMiB - n.usedMiB;
    if (free < fn.memoryMiB) continue;
    const pref = preference ? preference(n) : 0;
    const load = n.busyVcpus / n.cores;
    if (pref > bestPref || (pref === bestPref && (load < bestLoad || (load === bestLoad && free > bestFree)))) {
      best = i;
      bestPref = pref;
      bestLoad = load;
      bestFree = free;
    }
  }
  return best;
}

/** `leastLoaded` without preference over the fleet's flat arrays (same choice, no object touched). */
export function leastLoadedFlat(fn: FunctionView, fleet: FleetView): number {
  const freeMiB = fleet.freeMiB;
  const busy = fleet.busyVcpus;
  const cores = fleet.cores;
  const need = fn.memoryMiB;
  let best = -1;
  let bestLoad = Infinity;
  let bestFree = -Infinity;
  for (let i = 0; i < fleet.count; i++) {
    const free = freeMiB[i]!;
    if (free < need) continue;
    const load = busy[i]! / cores[i]!;
    if (load < bestLoad || (load === bestLoad && free > bestFree)) {
      best = i;
      bestLoad = load;
      bestFree = free;
    }
  }
  return best;
}

export class LeastLoadedPlacement implements PlacementPolicy {
  readonly name = 'least-loaded';

  place(fn: FunctionView, nodes: readonly NodeView[], _now: number, fleet?: FleetView): number {
    return fleet ? leastLoadedFlat(fn, fleet) : leastLoaded(fn, nodes);
  }
}
