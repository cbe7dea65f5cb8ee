// Reader of 2019 duration percentiles (ms; weighted percentiles of 30-second averages, without
// cold-start time) and their conversion to an execution-time distribution in microseconds.
import { Empirical } from '../../engine/distributions.ts';
import { MS } from '../../engine/time.ts';
import { column, nonNegative, readCsv } from './csv.ts';
import { MAX_TRACE_DURATION_MS } from '../../input/limits.ts';

export const DURATION_PERCENTILES = [0, 1, 25, 50, 75, 99, 100] as const;

export interface DurationRow {
  owner: string;
  app: string;
  func: string;
  averageMs: number;
  count: number;
  /** The day's shortest and longest execution (ms); null where the file has no such column. */
  minimumMs: number | null;
  maximumMs: number | null;
  /** Values at DURATION_PERCENTILES, in ms. */
  percentilesMs: number[];
  line: number;
}

export async function readDurationFile(file: string, onRow: (row: DurationRow) => void): Promise<void> {
  let iOwner = 0,
    iApp = 0,
    iFunc = 0,
    iAvg = 0,
    iCount = 0,
    iMin = -1,
    iMax = -1;
  let iPct: number[] = [];
  await readCsv(
    file,
    (h) => {
      iOwner = column(h, 'HashOwner', file);
      iApp = column(h, 'HashApp', file);
      iFunc = column(h, 'HashFunction', file);
      iAvg = column(h, 'Average', file);
      iCount = column(h, 'Count', file);
      iMin = h.indexOf('Minimum');
      iMax = h.indexOf('Maximum');
      iPct = DURATION_PERCENTILES.map((p) => column(h, `percentile_Average_${p}`, file));
    },
    ({ fields, line }) => {
      onRow({
        owner: fields[iOwner]!,
        app: fields[iApp]!,
        func: fields[iFunc]!,
        averageMs: nonNegative(fields[iAvg]!, file, line, 'Average', MAX_TRACE_DURATION_MS),
        count: nonNegative(fields[iCount]!, file, line, 'Count', Number.MAX_SAFE_INTEGER),
        minimumMs: iMin < 0 ? null : nonNegative(fields[iMin]!, file, line, 'Minimum', MAX_TRACE_DURATION_MS),
        maximumMs: iMax < 0 ? null : nonNegative(fields[iMax]!, file, line, 'Maximum', MAX_TRACE_DURATION_MS),
        percentilesMs: iPct.map((i, k) => nonNegative(fields[i]!, file, line, `percentile_Average_${DURATION_PERCENTILES[k]}`, MAX_TRACE_DURATION_MS)),
        line,
      });
    },
  );
}

/**
 * Empirical execution time in us: draw a percentile uniformly, interpolate linearly inside its
 * band (as the vHive loader draws uniformly between the band's ends). Values are clamped to >= 1 us
 * and made non-decreasing (a running max), so a bad row cannot yield a negative or unordered draw.
 */
export function durationDistribution(percentilesMs: readonly number[], pcts: readonly number[] = DURATION_PERCENTILES): Empirical {
  let prev = 1;
  const points = pcts.map((p, k) => {
    const v = Math.max(prev, Math.max(1, percentilesMs[k]! * MS));
    prev = v;
    return [p, v] as const;
  });
  return new Empirical(points);
}
