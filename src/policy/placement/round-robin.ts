// Round-robin placement: nodes in turn, skipping those without enough free memory.
import type { FunctionView, NodeView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';

export class RoundRobinPlacement implements PlacementPolicy {
  readonly name = 'round-robin';
  private next = 0;

  place(fn: FunctionView, nodes: readonly NodeView[]): number {
    for (let k = 0; k < nodes.length; k++) {
      const i = (this.next + k) % nodes.length;
      const n = nodes[i]!;
      if (n.memoryMiB - n.usedMiB >= fn.memoryMiB) {
        this.next = (i + 1) % nodes.length;
        return i;
      }
    }
    return -1;
  }
}
