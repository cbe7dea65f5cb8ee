// Snapshot/cache-aware placement: prefer a node whose host page cache already holds the function's
// snapshot pages, then one whose disk holds its recorded REAP working-set file, so the cold start
// is cheaper (the locality argument of REAP, ASPLOS'21, and of vHive's snapshot placement). Among
// equally warm nodes it is least-loaded; with no warm node that fits it falls back to least-loaded.
import type { FunctionView, NodeView } from '../../model/views.ts';
import type { PlacementPolicy } from '../types.ts';

export class CacheAwarePlacement implements PlacementPolicy {
  readonly name = 'cache-aware';

  place(fn: FunctionView, nodes: readonly NodeView[]): number {
    let best = -1;
    let bestWarmth = -1;
    let bestLoad = Infinity;
    let bestFree = -Infinity;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const free = n.memoryMiB - n.usedMiB;
      if (free < fn.memoryMiB) continue;
      const warmth = n.snapshotWarmth(fn.index);
      const load = n.busyVcpus / n.cores;
      if (
        warmth > bestWarmth ||
        (warmth === bestWarmth && (load < bestLoad || (load === bestLoad && free > bestFree)))
      ) {
        best = i;
        bestWarmth = warmth;
        bestLoad = load;
        bestFree = free;
      }
    }
    return best;
  }
}
