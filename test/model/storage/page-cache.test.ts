import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../src/model/storage/page-cache.ts';

describe('PageCache (LRU, whole extents)', () => {
  it('evicts the least recently used extent to make room', () => {
    const c = new PageCache(100);
    c.insert('a', 40);
    c.insert('b', 40);
    expect(c.lookup('a')).toBe(true); // a is now most recent
    c.insert('c', 40);
    expect(c.has('b')).toBe(false);
    expect(c.has('a')).toBe(true);
    expect(c.usedPages).toBe(80);
    expect(c.evictions).toBe(1);
  });
  it('never holds more than its capacity; too-large extents are not cached', () => {
    const c = new PageCache(10);
    c.insert('huge', 11);
    expect(c.has('huge')).toBe(false);
    for (let i = 0; i < 50; i++) {
      c.insert(`k${i}`, 1 + (i % 4));
      expect(c.usedPages).toBeLessThanOrEqual(10);
    }
  });
  it('flush empties it', () => {
    const c = new PageCache(10);
    c.insert('a', 5);
    c.flush();
    expect(c.has('a')).toBe(false);
    expect(c.usedPages).toBe(0);
  });
});
