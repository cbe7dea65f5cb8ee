// Round-robin placement: nodes in turn, skipping those without enough free memory.
import type { FleetView, FunctionView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';

export class RoundRobinPlacement implements PlacementPolicy {
  readonly name = 'round-robin';
  private next = 0;

  place(fn: FunctionView, fleet: FleetView): number {
    const count = fleet.count;
    for (let k = 0; k < count; k++) {
      const i = (this.next + k) % count;
      if (fleet.freeMiB[i]! >= fn.memoryMiB) {
        this.next = (i + 1) % count;
        return i;
      }
    }
    return -1;
  }
}
