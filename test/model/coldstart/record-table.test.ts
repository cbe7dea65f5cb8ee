// REAP's per-node record states packed two bits per function.
import { describe, expect, it } from 'vitest';
import { RecordTable } from '../../../src/model/coldstart/record-table.ts';

describe('RecordTable', () => {
  it('keeps each (row, function) state apart from its neighbours, across growth', () => {
    const t = new RecordTable(3);
    const want = new Map<string, number>();
    // Indices in no order, with neighbours sharing a byte, and one far past the first allocation.
    const fns = [5, 4, 6, 7, 0, 1000, 3, 257, 255, 256, 100_003];
    fns.forEach((f, i) => {
      const row = i % 3;
      const st = (i % 2) + 1;
      t.set(row, f, 1);
      if (st === 2) t.set(row, f, 2);
      want.set(`${row}/${f}`, st);
    });
    t.set(1, 4, 0); // back to not recorded
    want.set('1/4', 0);
    for (let row = 0; row < 3; row++) {
      for (const f of [...fns, 2, 8, 99_999, 1_000_000]) expect(t.get(row, f), `${row}/${f}`).toBe(want.get(`${row}/${f}`) ?? 0);
    }
  });

  it('holds two bits per function of the highest index a row has seen', () => {
    const t = new RecordTable(1000);
    for (let n = 0; n < 1000; n++) for (let f = 0; f < 10_000; f += 7) t.set(n, f, 2);
    expect(t.bytes).toBeLessThanOrEqual(1000 * Math.ceil(10_000 / 4) * 1.5);
    expect(t.bytes).toBeGreaterThanOrEqual(1000 * Math.ceil(9_996 / 4));
  });
});
