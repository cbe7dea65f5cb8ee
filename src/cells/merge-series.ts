// timeseries.csv and function-timeseries.csv of a divided fleet: the cells' samples summed per
// interval. Every cell samples at the same ticks (multiples of output.timeseries) but ends at its
// own time (its drain), with one last sample there; the merged series has the ticks of any cell and
// one last row at the latest end. A cell's end sample falls into the first merged row at or after
// it (its counts added there); past its last sample a cell keeps its last levels (its instances
// stay where the run left them) and adds no counts.

/** Merged sample times: every cell's ticks (all rows but its last), then the latest end. */
export function mergedTimes(cells: readonly (readonly (readonly number[])[])[]): number[] {
  const ticks = new Set<number>();
  let end = -Infinity;
  for (const rows of cells) {
    for (let i = 0; i + 1 < rows.length; i++) ticks.add(rows[i]![0]!);
    if (rows.length > 0) end = Math.max(end, rows[rows.length - 1]![0]!);
  }
  if (end > -Infinity) ticks.add(end);
  return [...ticks].sort((a, b) => a - b);
}

/**
 * One entity's rows (time in column 0, levels in columns [first, countsFrom), interval counts from
 * `countsFrom`) resampled at `times`: each row's counts go to the first time at or after it, the
 * levels at a time are those of the latest row at or before it.
 */
export function resample(rows: readonly (readonly number[])[], times: readonly number[], first: number, countsFrom: number): number[][] {
  const width = rows[0]?.length ?? countsFrom;
  const out: number[][] = [];
  let r = 0;
  let levels: number[] = new Array<number>(countsFrom - first).fill(0);
  for (const t of times) {
    const counts = new Array<number>(width - countsFrom).fill(0);
    while (r < rows.length && rows[r]![0]! <= t) {
      const row = rows[r]!;
      levels = row.slice(first, countsFrom);
      for (let j = countsFrom; j < width; j++) counts[j - countsFrom]! += row[j]!;
      r++;
    }
    out.push([t, ...levels, ...counts]);
  }
  if (r < rows.length) throw new Error(`a cell's sample at ${rows[r]![0]} s lies after the merged end`);
  return out;
}

/** timeseries.csv rows of the whole fleet: each cell resampled at the merged times, then summed in cell order. */
export function mergeTimeseries(cells: readonly (readonly (readonly number[])[])[], countsFrom: number): number[][] {
  const times = mergedTimes(cells);
  const parts = cells.map((rows) => resample(rows, times, 1, countsFrom));
  return times.map((t, i) => {
    const row = [t];
    for (let j = 1; j < (parts[0]?.[i]?.length ?? 1); j++) {
      let sum = 0;
      for (const p of parts) sum += p[i]![j]!;
      row.push(sum);
    }
    return row;
  });
}

/**
 * function-timeseries.csv rows: `perFunction` holds each sampled function's rows (without the name
 * column) in the run's row order; at each merged time, one row per function in that order.
 */
export function mergeFunctionSeries(
  perFunction: readonly { readonly name: string; readonly rows: readonly (readonly number[])[] }[],
  times: readonly number[],
  countsFrom: number,
): (string | number)[][] {
  const parts = perFunction.map((f) => resample(f.rows, times, 1, countsFrom));
  const out: (string | number)[][] = [];
  times.forEach((t, i) => {
    perFunction.forEach((f, k) => {
      const row = parts[k]![i]!;
      out.push([t, f.name, ...row.slice(1)]);
    });
  });
  return out;
}
