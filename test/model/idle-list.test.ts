import { describe, expect, it } from 'vitest';
import { IdleList } from '../../src/model/idle-list.ts';
import { Instance } from '../../src/model/instance.ts';

describe('IdleList', () => {
  it('keeps least-recently-idle order, tracks size and memory, and unlists in O(1)', () => {
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
  it('stays in idle order while instances come and go, holding each member once', () => {
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
    // Bounded by the 50 instances, not by the 20,000 transitions; forgetting drops members.
    expect(l.memberCount).toBe(xs.length);
    for (const x of xs) l.forget(x);
    expect([l.memberCount, l.size, l.memoryMiB]).toEqual([0, 0, 0]);
  });
});

describe('IdleList.pick (eviction victims)', () => {
  const setup = () => {
    const l = new IdleList();
    const xs = Array.from({ length: 6 }, (_, i) => new Instance(i, i % 2, 0, 100, 0));
    for (const i of [3, 1, 4, 0, 5, 2]) l.add(xs[i]!); // idle order: 3 1 4 0 5 2
    l.delete(xs[4]!); // busy again
    l.forget(xs[0]!); // torn down; 5 moves into its place among the members
    return { l, xs };
  };

  it('without a key: the least recently idle eligible instance', () => {
    const { l } = setup();
    expect(l.pick(() => true, null)?.id).toBe(3);
    expect(l.pick((i) => i.fn === 0, null)?.id).toBe(2); // 4 and 0 are not listed
    expect(l.pick((i) => i.id === 4, null)).toBeUndefined();
  });

  it('with a key: the lowest, ties to the least recently idle; +Infinity and NaN never', () => {
    const { l } = setup();
    const key = new Map([
      [3, 5],
      [1, 2],
      [5, 2],
      [2, 9],
    ]);
    expect(
      l.pick(
        () => true,
        (i) => key.get(i.id)!,
      )?.id,
    ).toBe(1); // 1 and 5 tie: 1 idled first
    expect(
      l.pick(
        (i) => i.id !== 1,
        (i) => key.get(i.id)!,
      )?.id,
    ).toBe(5);
    expect(
      l.pick(
        () => true,
        () => Infinity,
      ),
    ).toBeUndefined();
    expect(
      l.pick(
        () => true,
        () => NaN,
      ),
    ).toBeUndefined();
  });
});
