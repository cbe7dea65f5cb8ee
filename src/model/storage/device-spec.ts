// What a storage device costs per operation, in the two currencies the shared-device model uses:
// latency (how long one operation takes when it is alone) and work (how much device time it
// occupies, which concurrent operations must share). Follows the REAP paper's fio figures (§5.2.3).
import { PAGE_BYTES } from '../../calibration/mechanism.ts';
import { cacheHitUs, driveCacheHitFraction, type DriveCacheSpec } from './drive-cache.ts';

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
  /** A disk with a moving head (absent: flash or memory, no positioning). */
  readonly rotational?: RotationalDisk;
}

/**
 * What positions a disk's head for a small random read: a seek over the span of the files being
 * read (Ruemmler & Wilkes' t(d) = a + b*sqrt(d), pinned at the single-track seek and at the average
 * seek, distance 1/3 of the stroke) and half a rotation; with several reads queued (SATA NCQ, up to
 * `queueDepth`), rotational position ordering serves a batch of q in a tour of ~C*sqrt(q) rotations
 * (Bachmat, STOC'02), so each read's positioning falls as q^(-1/2).
 */
export interface RotationalDisk {
  readonly singleTrackSeekUs: number;
  readonly averageSeekUs: number;
  readonly halfRotationUs: number;
  readonly capacityBytes: number;
  /** Bytes of one snapshot memory file (laid out contiguously). */
  readonly fileBytes: number;
  /** Commands the drive reorders (NCQ: 32). */
  readonly queueDepth: number;
  /** The drive's own cache (absent: every read goes to the media). */
  readonly cache?: DriveCacheSpec;
}

/** Mean positioning of one random read (us) while `files` files are read with `queued` reads queued. */
export function positioningUs(d: RotationalDisk, files: number, queued: number): number {
  const span = Math.min(1, (Math.max(1, files) * d.fileBytes) / d.capacityBytes);
  const seek = d.singleTrackSeekUs + (d.averageSeekUs - d.singleTrackSeekUs) * Math.sqrt(span);
  return (seek + d.halfRotationUs) / Math.sqrt(Math.min(Math.max(1, queued), d.queueDepth));
}

/** The reads of one fault chain, as a disk sees them. */
export interface ChainReads {
  /** Reads at scattered places (working-set runs or read-around windows), `runPages` pages each. */
  readonly scatteredReads: number;
  readonly runPages: number;
  /** Read-around windows over input-dependent pages, `windowPages` each (no drive-cache credit). */
  readonly windowReads: number;
  readonly windowPages: number;
  /** Bytes of the file over which the scattered reads lie (the working set's spread). */
  readonly regionBytes: number;
}

/**
 * Device time of a fault chain's reads on a rotational disk while `files` files are read and
 * `queued` chains (one read outstanding each) share the disk: a media read costs positioning +
 * transfer, a scattered read the drive's cache holds costs a cache hit (drive-cache.ts; the
 * cache is split between the `queued` chains). One head: this is also its latency alone.
 */
export function rotationalChainWorkUs(spec: DeviceSpec, r: ChainReads, files: number, queued: number): number {
  const d = spec.rotational!;
  const pos = positioningUs(d, files, queued);
  const pageUs = PAGE_BYTES / spec.seqReadBytesPerUs;
  const media = pos + r.runPages * pageUs;
  const h = d.cache ? driveCacheHitFraction(d.cache, r.scatteredReads, r.regionBytes, queued, queued, d.queueDepth) : 0;
  const scattered = h > 0 ? (1 - h) * media + h * cacheHitUs(d.cache!, r.runPages) : media;
  return r.scatteredReads * scattered + r.windowReads * (pos + r.windowPages * pageUs);
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
