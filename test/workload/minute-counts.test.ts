// Packed minute-major counts: what goes in comes out, per minute and in order, at any size.
import { describe, expect, it } from 'vitest';
import { CountEntries, MinuteCursor, packMinuteCounts, scaleCounts, varintBytes } from '../../src/workload/azure2019/minute-counts.ts';
import { RandomStreams } from '../../src/engine/random.ts';

function unpack(c: ReturnType<typeof packMinuteCounts>): Array<Array<[number, number]>> {
  const cur = new MinuteCursor(c);
  const out: Array<Array<[number, number]>> = [];
  for (let m = 0; m < c.minutes; m++) {
    cur.seek(m);
    const row: Array<[number, number]> = [];
    while (cur.next()) row.push([cur.fn, cur.count]);
    out.push(row);
  }
  return out;
}

describe('packed minute counts', () => {
  it('varint sizes: 7 bits per byte', () => {
    expect([0, 127, 128, 16383, 16384, 2 ** 32, 2 ** 53 - 1].map(varintBytes)).toEqual([1, 1, 2, 2, 3, 5, 8]);
  });

  it('round-trips entries minute-major, in order, with counts and function indices of any size', () => {
    const e = new CountEntries();
    const big = [2 ** 31 + 5, 2 ** 32 + 1, 2 ** 45 + 3, 2 ** 53 - 1];
    // function-major input, as the count file is read
    e.push(0, 2, 1);
    e.push(0, 0, 127);
    e.push(70_000, 0, 128);
    e.push(70_000, 2, big[0]!);
    e.push(16_384, 1, big[1]!);
    e.push(16_384, 2, big[2]!);
    e.push(5, 2, big[3]!);
    e.push(9, 1, 4); // a dropped function
    const index = new Int32Array(70_001).fill(-1);
    for (const f of [0, 5, 16_384, 70_000]) index[f] = f;
    const scaled = Float64Array.from(e.count.subarray(0, e.length));
    const c = packMinuteCounts(e, scaled, index, 3);
    expect(unpack(c)).toEqual([
      [
        [0, 127],
        [70_000, 128],
      ],
      [[16_384, big[1]]],
      [
        [0, 1],
        [70_000, big[0]],
        [16_384, big[2]],
        [5, big[3]],
      ],
    ]);
    expect(Array.from(c.total)).toEqual([255, big[1]!, 1 + big[0]! + big[2]! + big[3]!]);
    expect(c.maxCount).toBe(big[3]);
    // (fn, count) bytes: 1+1, 3+2 | 3+5 | 1+1, 3+5, 3+7, 1+8
    expect(Array.from(c.start)).toEqual([0, 7, 15, 44]);
  });

  it('leaves out entries scaled to zero and renumbers functions by the final index', () => {
    const e = new CountEntries();
    e.push(0, 0, 3);
    e.push(1, 0, 1);
    e.push(2, 1, 2);
    const remap = Int32Array.from([0, 1, 2]);
    const { scaled, totals } = scaleCounts(e, remap, 3, 0.5, (k) => new RandomStreams(1).stream(`r${k}`));
    expect(Array.from(totals)).toEqual(Array.from(scaled));
    for (const x of scaled) expect(Number.isInteger(x)).toBe(true);
    const final = Int32Array.from([1, -1, 0]); // function 1 dropped, 0 and 2 swap
    const c = packMinuteCounts(e, scaled, final, 2);
    const rows = unpack(c);
    expect(rows[0]).toEqual(scaled[0]! > 0 ? [[1, scaled[0]]] : []);
    expect(rows[1]).toEqual(scaled[2]! > 0 ? [[0, scaled[2]]] : []);
    // A kept function's entry scaled to zero is left out as well (this seed scales entry 1 to 0).
    const zero = scaled.findIndex((x) => x === 0);
    expect(zero).toBeGreaterThanOrEqual(0);
    const all = unpack(packMinuteCounts(e, scaled, Int32Array.from([0, 1, 2]), 2)).flat();
    expect(all.map(([f]) => f)).toEqual([0, 1, 2].filter((f) => scaled[f]! > 0));
  });
});
