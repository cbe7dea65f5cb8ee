import { describe, expect, it } from 'vitest';
import { IdleList } from '../../src/model/idle-list.ts';
import { Instance } from '../../src/model/instance.ts';

describe('IdleList', () => {
  it('keeps least-recently-idle order, tracks size and memory, and unlinks in O(1)', () => {
    const l = new IdleList();
    const xs = [0, 1, 2, 3].map((i) => new Instance(i, 0, 0, 100 * (i + 1), 0));
    for (const x of xs) l.add(x);
    expect([...l].map((i) => i.id)).toEqual([0, 1, 2, 3]);
    l.delete(xs[1]!);
    l.delete(xs[1]!); // not listed: no-op
    l.add(xs[1]!); // idle again: now the most recent
    l.delete(xs[0]!);
    l.delete(xs[3]!);
    expect([...l].map((i) => i.id)).toEqual([2, 1]);
    expect(l.size).toBe(2);
    expect(l.memoryMiB).toBe(300 + 200);
    for (const x of l) l.delete(x); // unlinking the visited one while iterating is allowed
    expect(l.size).toBe(0);
    expect(l.memoryMiB).toBe(0);
    expect([...l]).toEqual([]);
  });
});
