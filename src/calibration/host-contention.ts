// The REAP host's figures that concurrent cold starts share (host-contention.csv, each row with its
// source): hardware threads; the other rows document kernel and vHive behaviour the model follows.
import { num, readCalibrationCsv } from './csv.ts';

export interface HostContentionFigures {
  readonly hostThreads: number;
}

export function hostContentionFigures(): HostContentionFigures {
  const file = 'host-contention.csv';
  const r = readCalibrationCsv(file).find((x) => x.parameter === 'host_hardware_threads');
  if (!r) throw new Error(`${file}: missing parameter host_hardware_threads`);
  return { hostThreads: num(r, 'value', file) };
}
