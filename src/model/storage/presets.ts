// Device presets (`ssd-sata-2020`, `hdd-7200`, `nvme-2020`, `ramdisk`) built from the figures in
// src/calibration, and the remote snapshot store seen through a node's NIC.
import { deviceFigures, hdd7200Figures } from '../../calibration/devices.ts';
import { PAGE_BYTES } from '../../calibration/mechanism.ts';
import type { DeviceSpec } from './device-spec.ts';
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
 * out contiguously), so its seek is short: Ruemmler & Wilkes' seek curve t(d) = a + b*sqrt(d),
 * pinned at the single-track seek and at the average seek (distance 1/3 of the stroke), evaluated at
 * the mean distance inside the span (span/3). A large read of a working-set file pays a full
 * average seek. One head: every operation occupies the device for its whole latency (no NCQ gain).
 */
export function hdd7200(): DeviceSpec {
  const h = hdd7200Figures();
  const rotationalUs = (60e6 / h.rpm) / 2;
  const spanFraction = (h.snapshotSpanMiB * 1024 * 1024) / (h.capacityGB * 1e9);
  const shortSeekUs =
    1000 * (h.singleTrackSeekMs + (h.averageSeekMs - h.singleTrackSeekMs) * Math.sqrt(spanFraction));
  const bytesPerUs = h.sustainedReadMidMBps;
  const randUs = shortSeekUs + rotationalUs + PAGE_BYTES / bytesPerUs;
  const accessUs = 1000 * h.averageSeekMs + rotationalUs;
  return {
    name: 'hdd-7200',
    randReadLatencyUs: randUs,
    randReadWorkUs: randUs,
    seqReadBytesPerUs: bytesPerUs,
    seqWriteBytesPerUs: bytesPerUs,
    seqAccessLatencyUs: accessUs,
    seqAccessWorkUs: accessUs,
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
