// Random placement: a uniformly random node among those with enough free memory, drawn from the
// run's `placement` random stream.
import type { FunctionView, NodeView } from '../../model/views.ts';
import type { PlacementPolicy } from '../../model/policy-interfaces.ts';

export class RandomPlacement implements PlacementPolicy {
  readonly name = 'random';
  private readonly fits: number[] = [];

  constructor(private readonly rng: { next(): number }) {}

  place(fn: FunctionView, nodes: readonly NodeView[]): number {
    const fits = this.fits;
    fits.length = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.memoryMiB - n.usedMiB >= fn.memoryMiB) fits.push(i);
    }
    if (fits.length === 0) return -1;
    return fits[Math.floor(this.rng.next() * fits.length)]!;
  }
}
