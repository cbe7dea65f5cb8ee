// First-fit (bin-packing) placement: the lowest-indexed node with enough free memory, which packs
// instances onto few nodes and leaves the others empty (OpenWhisk-style packing).
import type { FunctionView, NodeView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';

export class FirstFitPlacement implements PlacementPolicy {
  readonly name = 'first-fit';

  place(fn: FunctionView, nodes: readonly NodeView[]): number {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.memoryMiB - n.usedMiB >= fn.memoryMiB) return i;
    }
    return -1;
  }
}
