// A hard disk's own cache as scattered page-fault reads meet it: on-arrival read-ahead (Ruemmler &
// Wilkes, IEEE Computer 1994) caches the sectors that pass under the head while it waits for the
// target, adaptive segmentation (Seagate) keeps as many such extents as the cache holds, least
// recently read first out, and no look-ahead follows a non-sequential read (Seagate ARLA). Figures
// and sources: src/calibration/hdd-7200-figures.csv; placement and fault order: docs/calibration.md §1.
import { PAGE_BYTES } from '../../calibration/mechanism.ts';

export interface DriveCacheSpec {
  /** Cache bytes that hold read extents. */
  readonly capacityBytes: number;
  /** Bytes on one track (sustained media rate / revolutions per second). */
  readonly trackBytes: number;
  /** The drive reads on arrival (the rotational wait's sectors are cached); false: nothing is. */
  readonly readOnArrival: boolean;
  /** Command overhead of a read served from the cache (us). */
  readonly hitOverheadUs: number;
  /** Host interface rate (B/us), at which a hit's pages move. */
  readonly interfaceBytesPerUs: number;
}

/**
 * Bytes cached by one read from the media: the sectors from where the head lands to the target,
 * half a track on average alone. With `queued` reads reordered by rotational position (NCQ, up to
 * `queueDepth`) the wait, and so the extent, falls as 1/sqrt(q), as the positioning does.
 */
export function extentBytes(c: DriveCacheSpec, queued: number, queueDepth: number): number {
  if (!c.readOnArrival) return 0;
  return c.trackBytes / 2 / Math.sqrt(Math.min(Math.max(1, queued), queueDepth));
}

/**
 * Expected fraction of a chain's `reads` scattered reads served from the drive cache. Each read
 * asks for a run at a uniformly random place in the region (faults in an order unrelated to
 * address) of a region of `regionBytes` (how far the working set is spread in its file), so it
 * hits when the run lies in a cached extent: with coverage k (cached bytes /
 * region) a read hits with probability k, and each miss adds one extent. Alone, coverage after i
 * reads is 1 - exp(-a*i) with a = extent / region (dm/di = 1 - a*m for m misses), until the
 * stream's share of the cache (capacity / streams, LRU among `streams` chains reading at the same
 * rate) is full; then it stays at that share. Closed form: no walk per read.
 */
export function driveCacheHitFraction(c: DriveCacheSpec, reads: number, regionBytes: number, streams: number, queued: number, queueDepth: number): number {
  if (!(reads > 0)) return 0;
  if (!(regionBytes > 0)) throw new RangeError(`drive cache: scattered reads over a region of ${regionBytes} bytes`);
  const e = extentBytes(c, queued, queueDepth);
  if (e <= 0 || c.capacityBytes <= 0) return 0;
  const a = Math.min(1, e / regionBytes);
  const cap = Math.min(1, c.capacityBytes / Math.max(1, streams) / regionBytes);
  // Reads until the stream's share of the cache is full (never, when it covers the region).
  const full = cap >= 1 ? Infinity : -Math.log(1 - cap) / a;
  const hits = reads <= full ? reads - (1 - Math.exp(-a * reads)) / a : full - cap / a + (reads - full) * cap;
  return Math.max(0, hits) / reads;
}

/** A read of `pages` served from the drive's cache: command overhead + interface transfer (us). */
export function cacheHitUs(c: DriveCacheSpec, pages: number): number {
  return c.hitOverheadUs + (Math.max(1, pages) * PAGE_BYTES) / c.interfaceBytesPerUs;
}
