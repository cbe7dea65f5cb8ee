// First-fit (bin-packing) placement: the lowest-indexed node with enough free memory, which packs
// instances onto few nodes and leaves the others empty (OpenWhisk-style packing).
import type { FleetView, FunctionView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';

export class FirstFitPlacement implements PlacementPolicy {
  readonly name = 'first-fit';

  place(fn: FunctionView, fleet: FleetView): number {
    const freeMiB = fleet.freeMiB;
    for (let i = 0; i < fleet.count; i++) {
      if (freeMiB[i]! >= fn.memoryMiB) return i;
    }
    return -1;
  }
}
