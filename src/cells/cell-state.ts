// What one cell of a divided fleet hands to the merge: its totals as plain data (state.json in its
// folder). Everything the merged run folder needs is here except the invocation rows, which stay in
// the cell's headerless invocations part.
import type { RecorderData } from '../metrics/recorder-data.ts';
import type { TransferCostData } from '../model/transfer/cost.ts';
import type { WorkflowStatsData } from '../model/workflow/stats.ts';

export const CELL_STATE_FORMAT = 'sim-cell-state/1';

/** A workflow's stats in a cell, and its index in the scenario's workflows. */
export type WorkflowData = WorkflowStatsData & { readonly index: number };

export interface CellState {
  readonly format: typeof CELL_STATE_FORMAT;
  readonly cell: number;
  readonly cells: number;
  readonly nodes: number;
  readonly events: number;
  readonly endUs: number;
  readonly policyNames: Readonly<Record<string, string>>;
  readonly policyStats: Readonly<Record<string, Record<string, number>>>;
  /** Per policy kind, the names in its stats that are levels (merged by maximum). */
  readonly policyLevelStats: Readonly<Record<string, readonly string[]>>;
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
  readonly workflows: { readonly stats: readonly WorkflowData[]; readonly transfers: TransferCostData } | null;
}
