// Control-path figures of current vHive (control-path.csv, each with its source): the devmapper
// snapshot creation and mount held under one lock per host, and the network-config pool.
import { num, readCalibrationCsv } from './csv.ts';

export interface ControlPathFigures {
  readonly devmapperCreateMs: number;
  readonly rootfsMountMs: number;
  readonly netPoolSize: number;
  readonly netConfigBuildMs: number;
}

export function controlPathFigures(): ControlPathFigures {
  const file = 'control-path.csv';
  const rows = readCalibrationCsv(file);
  const get = (p: string): number => {
    const r = rows.find((x) => x.parameter === p);
    if (!r) throw new Error(`${file}: missing parameter ${p}`);
    return num(r, 'value', file);
  };
  return {
    devmapperCreateMs: get('devmapper_create'),
    rootfsMountMs: get('rootfs_mount'),
    netPoolSize: get('net_pool_size'),
    netConfigBuildMs: get('net_config_build'),
  };
}
