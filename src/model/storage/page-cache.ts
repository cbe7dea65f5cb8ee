// A node's host page cache (Linux's, as the REAP paper's host used it): bounded, least recently
// used, holding file extents — the part of a function's snapshot memory file its faults read, and
// its working-set file when that is read through the cache. Granularity is one entry per (file,
// extent): an extent is cached whole or not at all.

/** What a cached extent is called: a file name, or a number its owner derives (no string per lookup). */
export type ExtentKey = string | number;

export class PageCache {
  /** Key -> size in pages; Map iteration order is recency order (oldest first). */
  private readonly entries = new Map<ExtentKey, number>();
  private used = 0;
  hits = 0;
  misses = 0;
  evictions = 0;

  constructor(readonly capacityPages: number) {
    if (!(capacityPages >= 0)) throw new RangeError(`page cache capacity must be >= 0, got ${capacityPages}`);
  }

  get usedPages(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Looks up an extent; a hit makes it most recently used. */
  lookup(key: ExtentKey): boolean {
    const pages = this.entries.get(key);
    if (pages === undefined) {
      this.misses++;
      return false;
    }
    this.entries.delete(key);
    this.entries.set(key, pages);
    this.hits++;
    return true;
  }

  /** Peeks without changing recency or counters (for cache-aware placement). */
  has(key: ExtentKey): boolean {
    return this.entries.has(key);
  }

  /** Inserts (or refreshes) an extent, evicting least recently used ones to make room. */
  insert(key: ExtentKey, pages: number): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.used -= old;
    }
    if (pages > this.capacityPages) return; // larger than the whole cache: never resident
    while (this.used + pages > this.capacityPages) {
      const oldest = this.entries.keys().next().value as ExtentKey;
      this.used -= this.entries.get(oldest)!;
      this.entries.delete(oldest);
      this.evictions++;
    }
    this.entries.set(key, pages);
    this.used += pages;
  }

  /** Drops everything (echo 3 > /proc/sys/vm/drop_caches, as the paper did before each cold start). */
  flush(): void {
    this.entries.clear();
    this.used = 0;
  }
}
