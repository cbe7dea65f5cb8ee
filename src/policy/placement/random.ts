// Random placement: a uniformly random node among those with enough free memory, drawn from the
// run's `placement` random stream.
import type { FleetView, FunctionView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';

export class RandomPlacement implements PlacementPolicy {
  readonly name = 'random';
  private readonly fits: number[] = [];

  constructor(private readonly rng: { next(): number }) {}

  place(fn: FunctionView, fleet: FleetView): number {
    const fits = this.fits;
    const freeMiB = fleet.freeMiB;
    fits.length = 0;
    for (let i = 0; i < fleet.count; i++) {
      if (freeMiB[i]! >= fn.memoryMiB) fits.push(i);
    }
    if (fits.length === 0) return -1;
    return fits[Math.floor(this.rng.next() * fits.length)]!;
  }
}
