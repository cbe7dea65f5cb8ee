// The REAP host's figures that concurrent cold starts share (host-contention.csv, each row with its
// source): hardware threads; the other rows document kernel and vHive behaviour the model follows.
import { parameterTable } from './csv.ts';

export interface HostContentionFigures {
  readonly hostThreads: number;
  /** mm/filemap.c MMAP_LOTSAMISS. */
  readonly mmapLotsaMiss: number;
  /** Fraction of a function's guest memory its working-set pages are spread over (assumption). */
  readonly wsRegionFraction: number;
}

export function hostContentionFigures(): HostContentionFigures {
  const get = parameterTable('host-contention.csv');
  return { hostThreads: get('host_hardware_threads'), mmapLotsaMiss: get('mmap_lotsamiss'), wsRegionFraction: get('ws_region_fraction') };
}
