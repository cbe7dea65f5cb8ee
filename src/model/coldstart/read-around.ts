// Linux's read-around on a fault in a file-backed mapping (mm/filemap.c filemap_fault ->
// do_sync_mmap_readahead, kernels 4.15 to 6.x): a major fault reads a window of ra_pages (32 pages,
// the default read_ahead_kb = 128) around the faulting page, unless the file's mmap_miss counter
// has passed MMAP_LOTSAMISS (100, host-contention.csv); mmap_miss grows by one per such fault and falls by one per fault
// that finds its page cached (do_async_mmap_readahead). Past the limit a fault reads its page alone.
// Firecracker maps the snapshot memory file MAP_PRIVATE with no madvise (no MADV_RANDOM), so this
// applies to vanilla restores (docs/calibration.md §3a, with file@commit citations).

/** `none`: a same-page miss reads its run of c pages (what the REAP paper's QD1 figures imply);
 * `kernel`: the kernel's read-around window and mmap_miss heuristic, as below. */
export type ReadAround = 'none' | 'kernel';

export const READ_AROUND_MODES: readonly ReadAround[] = ['none', 'kernel'];

export interface ReadAroundReads {
  /** Faults that read a whole window. */
  readonly windowReads: number;
  /** Faults that read one page (read-around off). */
  readonly singleReads: number;
  /** Runs found in a window read earlier (minor faults only). */
  readonly runHits: number;
  /** mmap_miss at the end (expected value). */
  readonly mmapMiss: number;
}

/**
 * Expected reads of a vanilla restore's same pages with read-around on: `runs` runs of
 * `runPages` pages lie uniformly over `regionPages` pages of the file and are faulted in an order
 * unrelated to their address (the placement assumption of docs/calibration.md §1). A run lies in
 * an already-read window with probability (windows read x window) / region. A run that misses
 * reads a window (its other pages then fault as cache hits) or, with read-around off, each of its
 * pages alone. The walk follows expected values run by run, mmap_miss included (an
 * approximation: the kernel's threshold acts on one sample path, this on the mean).
 */
export function kernelReadAround(runs: number, runPages: number, regionPages: number, windowPages: number, lotsaMiss: number): ReadAroundReads {
  if (!(regionPages > 0)) throw new RangeError(`read-around: runs spread over ${regionPages} pages`);
  let windows = 0;
  let singles = 0;
  let hits = 0;
  let miss = 0;
  const cap = lotsaMiss * 10; // the kernel stops counting there
  for (let done = 0; done < runs; done++) {
    const w = Math.min(1, runs - done); // the last run may be a fraction
    const pHit = Math.min(1, (windows * windowPages) / regionPages);
    // A run in cache: each of its pages is a fault on a cached page.
    hits += w * pHit;
    miss = Math.max(0, miss - w * pHit * runPages);
    const m = w * (1 - pHit);
    miss = Math.min(cap, miss + m);
    if (miss > lotsaMiss) {
      // Read-around off: every page of the run misses and reads itself.
      singles += m * runPages;
      miss = Math.min(cap, miss + m * (runPages - 1));
    } else {
      windows += m;
      miss = Math.max(0, miss - m * (runPages - 1));
    }
  }
  return { windowReads: windows, singleReads: singles, runHits: hits, mmapMiss: miss };
}

const memo = new Map<string, ReadAroundReads>();

/** kernelReadAround, computed once per shape (every start of a function has the same one). */
export function kernelReadAroundCached(runs: number, runPages: number, regionPages: number, windowPages: number, lotsaMiss: number): ReadAroundReads {
  const key = `${runs}/${runPages}/${regionPages}/${windowPages}/${lotsaMiss}`;
  let r = memo.get(key);
  if (r === undefined) memo.set(key, (r = kernelReadAround(runs, runPages, regionPages, windowPages, lotsaMiss)));
  return r;
}
