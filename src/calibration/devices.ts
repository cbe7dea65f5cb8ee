// Storage device figures (datasheets and the REAP paper), as shipped in devices.csv and
// hdd-7200-figures.csv. Raw figures only: src/model/storage/presets.ts turns them into device models.
import { num, parameterTable, readCalibrationCsv } from './csv.ts';

export interface DeviceFigures {
  readonly name: string;
  readonly kind: string;
  /** Latency of one 4 KB random read with nothing else outstanding (us). */
  readonly randRead4kLatencyUs: number;
  /** 4 KB random reads per second with `iopsAtQueueDepth` reads outstanding. */
  readonly randRead4kIops: number;
  readonly iopsAtQueueDepth: number;
  readonly seqReadMBps: number;
  readonly seqWriteMBps: number;
  /** Time before the first byte of a large sequential read (us). */
  readonly seqAccessLatencyUs: number;
  readonly source: string;
}

export function deviceFigures(): readonly DeviceFigures[] {
  const file = 'devices.csv';
  return readCalibrationCsv(file).map((r) => ({
    name: r.name!,
    kind: r.kind!,
    randRead4kLatencyUs: num(r, 'rand_read_4k_qd1_latency_us', file),
    randRead4kIops: num(r, 'rand_read_4k_iops', file),
    iopsAtQueueDepth: num(r, 'iops_at_queue_depth', file),
    seqReadMBps: num(r, 'seq_read_MBps', file),
    seqWriteMBps: num(r, 'seq_write_MBps', file),
    seqAccessLatencyUs: num(r, 'seq_access_latency_us', file),
    source: r.source!,
  }));
}

export interface HddFigures {
  readonly averageSeekMs: number;
  readonly singleTrackSeekMs: number;
  readonly fullStrokeSeekMs: number;
  readonly rpm: number;
  readonly sustainedReadMidMBps: number;
  readonly capacityGB: number;
  readonly snapshotSpanMiB: number;
  readonly ncqDepth: number;
  /** The drive's own cache (MB), its hit cost (ms) and the interface rate (MB/s). */
  readonly driveCacheMB: number;
  readonly readOnArrival: boolean;
  readonly readAheadAfterRandom: boolean;
  readonly cacheHitOverheadMs: number;
  readonly interfaceMBps: number;
}

export function hdd7200Figures(): HddFigures {
  const get = parameterTable('hdd-7200-figures.csv');
  return {
    averageSeekMs: get('average_seek_read'),
    singleTrackSeekMs: get('single_track_seek_read'),
    fullStrokeSeekMs: get('full_stroke_seek_read'),
    rpm: get('rotation_speed'),
    sustainedReadMidMBps: get('sustained_read_mid'),
    capacityGB: get('capacity'),
    snapshotSpanMiB: get('snapshot_span'),
    ncqDepth: get('ncq_queue_depth'),
    driveCacheMB: get('drive_cache'),
    readOnArrival: get('read_on_arrival') !== 0,
    readAheadAfterRandom: get('read_ahead_after_random') !== 0,
    cacheHitOverheadMs: get('cache_hit_overhead'),
    interfaceMBps: get('interface_rate'),
  };
}
