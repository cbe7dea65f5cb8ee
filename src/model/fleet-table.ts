// The fleet's per-node free memory and CPU demand as flat arrays, kept current by the nodes and
// their CPUs: the one view of the fleet that placement policies read.
import type { FleetView } from './views.ts';

/** What a start path reports of node `node`'s copy of `fn`'s snapshot (see FleetView). */
type WarmthOf = (fn: number, node: number) => number;

export class FleetTable implements FleetView {
  readonly freeMiB: Float64Array;
  readonly busyVcpus: Float64Array;
  readonly cores: Float64Array;

  /** `warmth` comes from the start path; without one (no snapshots) every node is cold. */
  constructor(
    readonly count: number,
    private readonly warmth: WarmthOf | null = null,
  ) {
    this.freeMiB = new Float64Array(count);
    this.busyVcpus = new Float64Array(count);
    this.cores = new Float64Array(count);
  }

  snapshotWarmth(fn: number, node: number): number {
    return this.warmth === null ? 0 : this.warmth(fn, node);
  }
}
