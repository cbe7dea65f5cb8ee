// Merging the cells' time series: ticks shared, each cell's own end sample folded into the next
// merged row, levels carried past a cell's end, counts never lost or doubled.
import { describe, expect, it } from 'vitest';
import { mergedTimes, mergeTimeseries, resample } from '../../src/cells/merge-series.ts';

// Rows: [time, level, count]; levels in column 1, counts from column 2.
describe('merged time series', () => {
  const a = [
    [10, 1, 5],
    [20, 2, 5],
    [25, 3, 1],
  ]; // ends at 25 (drained past 20)
  const b = [
    [10, 4, 7],
    [20, 5, 7],
    [30, 6, 7],
    [31, 0, 2],
  ]; // ends at 31

  it('times: every tick of any cell, then the latest end', () => {
    expect(mergedTimes([a, b])).toEqual([10, 20, 30, 31]);
    expect(mergedTimes([[[10, 0, 0]]])).toEqual([10]);
  });

  it("a cell's end sample goes to the first merged time at or after it; past it its levels stay and it counts nothing", () => {
    expect(resample(a, [10, 20, 30, 31], 1, 2)).toEqual([
      [10, 1, 5],
      [20, 2, 5],
      [30, 3, 1],
      [31, 3, 0],
    ]);
  });

  it('sums per interval, and the counts of the merged series are the sum of the cells', () => {
    const m = mergeTimeseries([a, b], 2);
    expect(m).toEqual([
      [10, 5, 12],
      [20, 7, 12],
      [30, 9, 8],
      [31, 3, 2],
    ]);
    const total = (rows: number[][]) => rows.reduce((s, r) => s + r[2]!, 0);
    expect(total(m)).toBe(total(a) + total(b));
  });

  it('a cell sampled after the merged end is an error, not a dropped row', () => {
    expect(() => resample(a, [10, 20], 1, 2)).toThrow(/after the merged end/);
  });
});
