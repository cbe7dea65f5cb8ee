import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue.ts';
import { RandomStreams } from '../../src/engine/random.ts';

describe('EventQueue', () => {
  it('pops in (time, priority, insertion) order', () => {
    const q = new EventQueue(2);
    q.push(10, 1, 0, 1, 0);
    q.push(5, 3, 0, 2, 0);
    q.push(10, 0, 0, 3, 0);
    q.push(10, 1, 0, 4, 0);
    q.push(5, 3, 0, 5, 0);
    const order: number[] = [];
    while (q.size > 0) {
      q.pop();
      order.push(q.poppedTarget);
    }
    expect(order).toEqual([2, 5, 3, 1, 4]);
  });

  it('agrees with a stable sort on random input', () => {
    const rng = new RandomStreams(7).stream('q');
    const q = new EventQueue(4);
    const items: [number, number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 100);
      const p = Math.floor(rng.next() * 3);
      items.push([t, p, i]);
      q.push(t, p, 0, i, i * 0.5);
    }
    const expected = [...items].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).map((x) => x[2]);
    const got: number[] = [];
    while (q.size > 0) {
      q.pop();
      expect(q.poppedArg).toBe(q.poppedTarget * 0.5);
      got.push(q.poppedTarget);
    }
    expect(got).toEqual(expected);
  });
});
