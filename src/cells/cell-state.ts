// What one cell of a divided fleet hands to the merge: its totals as plain data (state.json in its
// folder). Everything the merged run folder needs is here except the invocation rows, which stay in
// the cell's headerless invocations part.
import type { RecorderData } from '../metrics/recorder-data.ts';
import type { HistogramData } from '../engine/histogram.ts';
import type { TransferPrices } from '../model/transfer/cost.ts';

export const CELL_STATE_FORMAT = 'sim-cell-state/1';

export interface WorkflowData {
  /** Index in the scenario's workflows. */
  readonly index: number;
  readonly name: string;
  readonly started: number;
  readonly completedRuns: number;
  readonly failures: readonly (readonly [string, number])[];
  readonly latency: HistogramData;
  readonly computeUs: number;
  readonly transferUs: number;
  readonly queueUs: number;
  readonly coldWaitUs: number;
  readonly invocations: number;
  readonly billedMiBUs: number;
}

/** The transfer services' settled counts (model/transfer/cost.ts). */
export interface TransferCountsData {
  readonly prices: TransferPrices;
  readonly s3Puts: number;
  readonly s3Gets: number;
  readonly s3StorageByteUs: number;
  readonly cacheNodeUs: number;
  readonly intraRegionBytes: number;
  readonly xdtBufferByteUs: number;
}

export interface CellState {
  readonly format: typeof CELL_STATE_FORMAT;
  readonly cell: number;
  readonly cells: number;
  readonly nodes: number;
  readonly events: number;
  readonly endUs: number;
  readonly policyNames: Readonly<Record<string, string>>;
  readonly policyStats: Readonly<Record<string, Record<string, number>>>;
  /** The cell's functions: index in the whole run, name, application, memory (MiB). */
  readonly functions: readonly (readonly [number, string, string, number])[];
  readonly recorder: RecorderData;
  /** Start-path phase entries that are counts or bytes, not times. */
  readonly counterNames: readonly string[];
  /** timeseries.csv rows of the cell. */
  readonly timeseries: readonly (readonly number[])[];
  /** function-timeseries.csv of its sampled functions: rank in the run's row order, name, rows without the name column. */
  readonly functionSeries: readonly { readonly rank: number; readonly name: string; readonly rows: readonly (readonly number[])[] }[];
  /** Its workflows (null without workflows in the scenario). */
  readonly workflows: { readonly stats: readonly WorkflowData[]; readonly transfers: TransferCountsData } | null;
}
