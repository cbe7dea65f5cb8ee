// The fleet's per-node free memory and CPU demand as flat arrays, kept current by the nodes and
// their CPUs, so that a placement scan over a thousand nodes reads two typed arrays instead of
// touching two thousand objects on every cold start.
import type { FleetView } from './views.ts';

export class FleetTable implements FleetView {
  readonly freeMiB: Float64Array;
  readonly busyVcpus: Float64Array;
  readonly cores: Float64Array;

  constructor(readonly count: number) {
    this.freeMiB = new Float64Array(count);
    this.busyVcpus = new Float64Array(count);
    this.cores = new Float64Array(count);
  }
}
