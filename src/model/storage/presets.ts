// Device presets (`ssd-sata-2020`, `hdd-7200`, `nvme-2020`, `ramdisk`) built from the figures in
// src/calibration, and the remote snapshot store seen through a node's NIC.
import { deviceFigures, hdd7200Figures } from '../../calibration/devices.ts';
import { PAGE_BYTES } from '../../calibration/mechanism.ts';
import { positioningUs, type DeviceSpec, type RotationalDisk } from './device-spec.ts';
import { fitOpWork } from './mva.ts';

function fromFigures(): Map<string, DeviceSpec> {
  const m = new Map<string, DeviceSpec>();
  for (const f of deviceFigures()) {
    const work = fitOpWork(f.randRead4kLatencyUs, f.iopsAtQueueDepth, f.randRead4kIops);
    m.set(f.name, {
      name: f.name,
      randReadLatencyUs: f.randRead4kLatencyUs,
      randReadWorkUs: work,
      seqReadBytesPerUs: f.seqReadMBps,
      seqWriteBytesPerUs: f.seqWriteMBps,
      seqAccessLatencyUs: f.seqAccessLatencyUs,
      // Flash overlaps positioning with other commands: it costs what one 4 KB command costs.
      seqAccessWorkUs: work,
    });
  }
  m.set('hdd-7200', hdd7200());
  return m;
}

/**
 * A 7200 rpm disk. A fault reads at a random place inside one snapshot memory file (256 MiB laid
 * out contiguously), so its seek is short (positioningUs with one file and nothing queued); several
 * files read at once spread the head over their span, and queued reads are reordered (NCQ, up to
 * 32; shared-device.ts). Its own cache keeps what it reads on arrival (drive-cache.ts), so a fault
 * whose run it holds costs a cache hit, not a seek. A large read of a working-set file pays a full
 * average seek.
 */
export function hdd7200(): DeviceSpec {
  const h = hdd7200Figures();
  if (h.readAheadAfterRandom) {
    throw new Error('hdd-7200-figures.csv: read_ahead_after_random = 1 is not modelled (only 0: no look-ahead after a non-sequential read)');
  }
  const bytesPerUs = h.sustainedReadMidMBps;
  const rotational: RotationalDisk = {
    singleTrackSeekUs: 1000 * h.singleTrackSeekMs,
    averageSeekUs: 1000 * h.averageSeekMs,
    halfRotationUs: 60e6 / h.rpm / 2,
    capacityBytes: h.capacityGB * 1e9,
    fileBytes: h.snapshotSpanMiB * 1024 * 1024,
    queueDepth: h.ncqDepth,
    cache: {
      capacityBytes: h.driveCacheMB * 1e6,
      // One revolution passes one track under the head: sustained rate / revolutions per second.
      trackBytes: (bytesPerUs * 1e6) / (h.rpm / 60),
      readOnArrival: h.readOnArrival,
      hitOverheadUs: 1000 * h.cacheHitOverheadMs,
      interfaceBytesPerUs: h.interfaceMBps,
    },
  };
  const randUs = positioningUs(rotational, 1, 1) + PAGE_BYTES / bytesPerUs;
  const accessUs = rotational.averageSeekUs + rotational.halfRotationUs;
  return {
    name: 'hdd-7200',
    randReadLatencyUs: randUs,
    randReadWorkUs: randUs,
    seqReadBytesPerUs: bytesPerUs,
    seqWriteBytesPerUs: bytesPerUs,
    seqAccessLatencyUs: accessUs,
    seqAccessWorkUs: accessUs,
    rotational,
  };
}

let presets: Map<string, DeviceSpec> | null = null;

export function listDevicePresets(): string[] {
  presets ??= fromFigures();
  return [...presets.keys()];
}

export function getDeviceSpec(name: string): DeviceSpec {
  presets ??= fromFigures();
  const s = presets.get(name);
  if (!s) throw new Error(`unknown disk preset '${name}' (known: ${[...presets.keys()].join(', ')})`);
  return s;
}

export interface RemoteStoreOptions {
  /** Node NIC bandwidth (bits/s). Default 10 Gbit/s. */
  readonly nicBitsPerSec?: number;
  /** Network round trip to the store (us). Default 100 us (one datacenter RTT, an assumption). */
  readonly rttUs?: number;
  /** Device the store keeps snapshots on. Default `nvme-2020`. */
  readonly backing?: string;
}

/**
 * The remote snapshot store as seen from one node: every read pays a round trip plus the backing
 * device's latency, and the node's NIC caps bandwidth. Only the NIC is shared (by the node's
 * concurrent reads); the store is assumed scaled out, so nodes do not contend there.
 */
export function remoteStoreSpec(opts: RemoteStoreOptions = {}): DeviceSpec {
  const nic = (opts.nicBitsPerSec ?? 10e9) / 8 / 1e6; // B/us
  const rtt = opts.rttUs ?? 100;
  const b = getDeviceSpec(opts.backing ?? 'nvme-2020');
  const pageOnWire = PAGE_BYTES / nic;
  return {
    name: `remote(nic=${(opts.nicBitsPerSec ?? 10e9) / 1e9}Gbps,rtt=${rtt}us,backing=${b.name})`,
    randReadLatencyUs: rtt + b.randReadLatencyUs + pageOnWire,
    randReadWorkUs: Math.max(b.randReadWorkUs, pageOnWire),
    seqReadBytesPerUs: Math.min(b.seqReadBytesPerUs, nic),
    seqWriteBytesPerUs: Math.min(b.seqWriteBytesPerUs, nic),
    seqAccessLatencyUs: rtt + b.seqAccessLatencyUs,
    seqAccessWorkUs: b.seqAccessWorkUs,
  };
}
