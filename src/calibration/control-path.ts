// Control-path figures of current vHive (control-path.csv, each with its source): the devmapper
// snapshot creation and mount held under one lock per host, and the network-config pool.
import { parameterTable } from './csv.ts';

export interface ControlPathFigures {
  readonly devmapperCreateMs: number;
  readonly rootfsMountMs: number;
  readonly netPoolSize: number;
  readonly netConfigBuildMs: number;
}

export function controlPathFigures(): ControlPathFigures {
  const get = parameterTable('control-path.csv');
  return {
    devmapperCreateMs: get('devmapper_create'),
    rootfsMountMs: get('rootfs_mount'),
    netPoolSize: get('net_pool_size'),
    netConfigBuildMs: get('net_config_build'),
  };
}
