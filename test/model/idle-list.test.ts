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

describe('IdleList under churn', () => {
  it('stays in idle order and compacts its log while instances come and go', () => {
    const l = new IdleList();
    const xs = Array.from({ length: 50 }, (_, i) => new Instance(i, 0, 0, 1, 0));
    const order: number[] = []; // the model: ids in idle order
    let state = 12345;
    const rnd = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let step = 0; step < 20_000; step++) {
      const x = xs[Math.floor(rnd() * xs.length)]!;
      if (x.idleListed) {
        l.delete(x);
        order.splice(order.indexOf(x.id), 1);
      } else {
        l.add(x);
        order.push(x.id);
      }
      if (step % 997 === 0) expect([...l].map((i) => i.id)).toEqual(order);
    }
    expect(l.size).toBe(order.length);
    expect(l.memoryMiB).toBe(order.length);
    // The log is compacted: 20,000 additions leave it bounded by the 50 instances, not the churn
    // (at most 2 x live + 64 at an addition, plus the removals since).
    expect((l as unknown as { entries: unknown[] }).entries.length).toBeLessThanOrEqual(3 * xs.length + 65);
  });
});
