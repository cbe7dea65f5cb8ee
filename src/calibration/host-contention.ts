// The REAP host's figures that concurrent cold starts share (host-contention.csv, each row with its
// source): hardware threads; the other rows document kernel and vHive behaviour the model follows.
import { parameterTable } from './csv.ts';

export interface HostContentionFigures {
  readonly hostThreads: number;
}

export function hostContentionFigures(): HostContentionFigures {
  return { hostThreads: parameterTable('host-contention.csv')('host_hardware_threads') };
}
