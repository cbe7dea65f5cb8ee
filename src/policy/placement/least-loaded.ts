// Least-loaded placement: the node with the lowest CPU load (busy vCPUs / cores) among those with
// enough free memory; ties go to the node with more free memory, then the lower index.
import type { FunctionView, NodeView } from '../../model/views.ts';
import type { PlacementPolicy } from '../types.ts';

export class LeastLoadedPlacement implements PlacementPolicy {
  readonly name = 'least-loaded';

  place(fn: FunctionView, nodes: readonly NodeView[]): number {
    let best = -1;
    let bestLoad = Infinity;
    let bestFree = -Infinity;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const free = n.memoryMiB - n.usedMiB;
      if (free < fn.memoryMiB) continue;
      const load = n.busyVcpus / n.cores;
      if (load < bestLoad || (load === bestLoad && free > bestFree)) {
        best = i;
        bestLoad = load;
        bestFree = free;
      }
    }
    return best;
  }
}
