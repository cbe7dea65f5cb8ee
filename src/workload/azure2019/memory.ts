// Reader of 2019 app memory percentiles (committed MB per application, days 1-12), and of the
// per-function variant with an extra `HashFunction` column used by the vHive trace loader.
import { Empirical } from '../../engine/distributions.ts';
import { column, nonNegative, readCsv } from './csv.ts';
import { MAX_TRACE_MEMORY_MB } from '../../input/limits.ts';

export const MEMORY_PERCENTILES = [1, 5, 25, 50, 75, 95, 99, 100] as const;

export interface MemoryRow {
  owner: string;
  app: string;
  /** Present only in the per-function variant. */
  func?: string;
  averageMb: number;
  /** Values at MEMORY_PERCENTILES. */
  percentilesMb: number[];
  line: number;
}

/** Returns whether the file is the per-function variant. */
export async function readMemoryFile(file: string, onRow: (row: MemoryRow) => void): Promise<boolean> {
  let iOwner = 0,
    iApp = 0,
    iFunc = -1,
    iAvg = 0;
  let iPct: number[] = [];
  await readCsv(
    file,
    (h) => {
      iOwner = column(h, 'HashOwner', file);
      iApp = column(h, 'HashApp', file);
      iFunc = h.indexOf('HashFunction');
      iAvg = column(h, 'AverageAllocatedMb', file);
      iPct = MEMORY_PERCENTILES.map((p) => column(h, `AverageAllocatedMb_pct${p}`, file));
    },
    ({ fields, line }) => {
      onRow({
        owner: fields[iOwner]!,
        app: fields[iApp]!,
        ...(iFunc >= 0 ? { func: fields[iFunc]! } : {}),
        averageMb: nonNegative(fields[iAvg]!, file, line, 'AverageAllocatedMb', MAX_TRACE_MEMORY_MB),
        percentilesMb: iPct.map((i, k) => nonNegative(fields[i]!, file, line, `AverageAllocatedMb_pct${MEMORY_PERCENTILES[k]}`, MAX_TRACE_MEMORY_MB)),
        line,
      });
    },
  );
  return iFunc >= 0;
}

/** Memory bounds (MiB), as the vHive loader clamps: at least 1, at most AWS Lambda's 10,240. */
export const MIN_MEMORY_MIB = 1;
export const MAX_MEMORY_MIB = 10_240;

const clampMem = (v: number): number => Math.min(MAX_MEMORY_MIB, Math.max(MIN_MEMORY_MIB, v));

/**
 * Memory percentiles divided by `share` as a distribution in MiB. The 1st percentile stands for
 * everything below it (the vHive loader returns pct1 for quantiles <= 1%).
 */
export function memoryDistribution(percentilesMb: readonly number[], share: number): Empirical {
  let prev = MIN_MEMORY_MIB;
  const pts: Array<readonly [number, number]> = [];
  const first = clampMem(percentilesMb[0]! / share);
  pts.push([0, first]);
  prev = first;
  MEMORY_PERCENTILES.forEach((p, k) => {
    const v = Math.max(prev, clampMem(percentilesMb[k]! / share));
    prev = v;
    pts.push([p, v]);
  });
  return new Empirical(pts);
}

/** FaasCache's rule: ceil(AverageAllocatedMb / functions sharing it), clamped. */
export function memoryMiB(averageMb: number, share: number): number {
  return clampMem(Math.ceil(averageMb / share));
}
