// What a storage device costs per operation, in the two currencies the shared-device model uses:
// latency (how long one operation takes when it is alone) and work (how much device time it
// occupies, which concurrent operations must share). Follows the REAP paper's fio figures (§5.2.3).
import { PAGE_BYTES } from '../../calibration/mechanism.ts';

export interface DeviceSpec {
  readonly name: string;
  /** One 4 KB random read alone (us): fio with 1 outstanding. */
  readonly randReadLatencyUs: number;
  /** Device time one 4 KB random read occupies (us), fitted so the sharing model (mva.ts) meets
   * the datasheet/fio IOPS at its queue depth. For an SSD this is far below the latency (internal
   * parallelism); for a disk with one head it equals the latency. */
  readonly randReadWorkUs: number;
  /** Sequential transfer rates (B/us = MB/s). */
  readonly seqReadBytesPerUs: number;
  readonly seqWriteBytesPerUs: number;
  /** Positioning before a large sequential transfer: latency, and device time it occupies. */
  readonly seqAccessLatencyUs: number;
  readonly seqAccessWorkUs: number;
}

export interface IoCost {
  /** Time the operation takes on an idle device (us). */
  readonly latencyUs: number;
  /** Device time it consumes (us); the device delivers at most 1 us of work per us. */
  readonly workUs: number;
}

/** One read of `pages` consecutive pages at a random place (a fault plus its read-around). */
export function runReadCost(spec: DeviceSpec, pages: number): IoCost {
  const transferUs = (Math.max(pages, 1) - 1) * (PAGE_BYTES / spec.seqReadBytesPerUs);
  return { latencyUs: spec.randReadLatencyUs + transferUs, workUs: spec.randReadWorkUs + transferUs };
}

/** One large sequential read of `bytes`. */
export function seqReadCost(spec: DeviceSpec, bytes: number): IoCost {
  const transferUs = bytes / spec.seqReadBytesPerUs;
  return { latencyUs: spec.seqAccessLatencyUs + transferUs, workUs: spec.seqAccessWorkUs + transferUs };
}

/** One large sequential write of `bytes`. */
export function seqWriteCost(spec: DeviceSpec, bytes: number): IoCost {
  const transferUs = bytes / spec.seqWriteBytesPerUs;
  return { latencyUs: spec.seqAccessLatencyUs + transferUs, workUs: spec.seqAccessWorkUs + transferUs };
}
