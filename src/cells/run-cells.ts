// Runs a divided fleet (fleet.cells > 1): its cells one after another in this thread or on worker
// threads, all of them or a shard's share (`--cells i/n`: cells c with c % n = i - 1), into a
// partial run folder; a run of every cell then merges it into the run folder itself (docs/scale.md).
import { rmSync } from 'node:fs';
import type { RunFolder } from '../metrics/run-folder.ts';
import { Interrupted } from '../interrupted.ts';
import { cellCount } from '../scenario/cells.ts';
import type { ResolvedScenario } from '../scenario/schema.ts';
import type { LoadedTraces } from '../scenario/traces.ts';
import { traceFunctionsCsv } from '../workload/trace-types.ts';
import { parseDuration } from '../engine/units.ts';
import type { Progress } from '../run/loop.ts';
import { resolvedScenario } from '../run/summarize.ts';
import { TOOL_VERSION } from '../version.ts';
import type { CellState } from './cell-state.ts';
import { mergeCells, type MergedRun } from './merge.ts';
import { cellDir, CELLS_MANIFEST, mergePartialsInto, writePartialFiles } from './partial.ts';
import { runCellsOnThreads, type CellProgress } from './pool.ts';
import { cellJob, cellPlan, jobData, runCell } from './run-cell.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface DividedRunOptions {
  /** Worker threads (1: this thread). */
  readonly threads: number;
  /** Run only this share of the cells, into a partial run folder (needs `folder`). */
  readonly shard?: Shard;
  /** Where the cells write; null: nothing is written (no invocation rows) and the merge is done in memory. */
  readonly folder: RunFolder | null;
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

/** The cells a shard runs. */
export function shardCells(cells: number, shard?: Shard): number[] {
  const all = [...Array(cells).keys()];
  return shard ? all.filter((c) => c % shard.count === shard.index - 1) : all;
}

/** The share of a divided run's expected arrivals that a shard's cells hold (for its size estimate). */
export function shardShare(s: ResolvedScenario, traces: LoadedTraces, shard: Shard): number {
  const load = cellPlan(s, traces).expectedLoad;
  const cells = shardCells(load.length, shard);
  let total = 0;
  for (const l of load) total += l;
  if (total === 0) return cells.length / load.length;
  return cells.reduce((a, c) => a + load[c]!, 0) / total;
}

/** Sums the cells' progress into one run's, as a share of simulated time done. */
class ProgressSum {
  private readonly fraction: Float64Array;
  private readonly events: Float64Array;
  private readonly arrivals: Float64Array;
  private readonly slot: Map<number, number>;

  constructor(
    cells: readonly number[],
    private readonly durationUs: number,
    private readonly report?: (p: Progress) => void,
  ) {
    this.slot = new Map(cells.map((c, i) => [c, i]));
    this.fraction = new Float64Array(cells.length);
    this.events = new Float64Array(cells.length);
    this.arrivals = new Float64Array(cells.length);
  }

  update(p: CellProgress): void {
    const i = this.slot.get(p.cell)!;
    this.fraction[i] = p.done ? 1 : Math.min(1, p.simTimeUs / this.durationUs);
    if (!p.done) {
      this.events[i] = p.events;
      this.arrivals[i] = p.arrivals;
    }
    if (!this.report) return;
    let f = 0;
    let e = 0;
    let a = 0;
    for (let k = 0; k < this.fraction.length; k++) {
      f += this.fraction[k]!;
      e += this.events[k]!;
      a += this.arrivals[k]!;
    }
    this.report({ simTimeUs: (f / this.fraction.length) * this.durationUs, durationUs: this.durationUs, events: e, arrivals: a, draining: false });
  }
}

const stopped = (signal: AbortSignal) => new Interrupted(typeof signal.reason === 'string' ? signal.reason : undefined);

/**
 * Runs the cells. Returns the merged run, or null for a shard (its partial folder is then in
 * `folder`'s temporary, for the caller to commit).
 */
export async function runDivided(s: ResolvedScenario, traces: LoadedTraces, o: DividedRunOptions): Promise<MergedRun | null> {
  const k = cellCount(s);
  const ran = shardCells(k, o.shard);
  const durationUs = parseDuration(s.duration);
  const progress = new ProgressSum(ran, durationUs, o.onProgress);
  const folder = o.folder;
  const dirOf = (c: number): string | null => (folder ? folder.path(cellDir(c)) : null);
  const plan = cellPlan(s, traces);
  const states = new Map<number, CellState>();
  // Every cell runs the same policies: their canonical names, for scenario.resolved.json.
  let policyNames: Readonly<Record<string, string>> | undefined;
  if (folder && o.threads > 1 && ran.length > 1) {
    // Largest expected load first (longest-processing-time first): the last cell to start is then a
    // small one, so threads finish close together. Outputs do not depend on the order.
    const order = [...ran].sort((a, b) => plan.expectedLoad[b]! - plan.expectedLoad[a]! || a - b);
    await runCellsOnThreads(
      (c) => jobData(cellJob(plan, c)),
      order,
      (c) => dirOf(c)!,
      o.threads,
      (p) => {
        policyNames ??= p.policyNames;
        progress.update(p);
      },
      o.signal,
    );
  } else {
    for (const c of ran) {
      const steps = runCell(cellJob(plan, c), dirOf(c), o.signal !== undefined || o.onProgress !== undefined, (p) =>
        progress.update({ cell: c, simTimeUs: p.simTimeUs, events: p.events, arrivals: p.arrivals, done: false }),
      );
      let r = steps.next();
      while (!r.done) {
        if (o.signal) {
          await new Promise((resolve) => setImmediate(resolve));
          // Thrown into the run loop, so that it stops the cell's invocations writer as for any error.
          if (o.signal.aborted) r = steps.throw(stopped(o.signal));
        }
        if (!r.done) r = steps.next();
      }
      progress.update({ cell: c, simTimeUs: durationUs, events: 0, arrivals: 0, done: true });
      policyNames ??= r.value.policyNames;
      if (!folder) states.set(c, JSON.parse(JSON.stringify(r.value)) as CellState);
    }
  }
  if (o.signal?.aborted) throw stopped(o.signal);

  let nodes = 0;
  for (const g of s.fleet.nodes) nodes += g.count;
  const resolvedText = JSON.stringify(resolvedScenario(s, policyNames!, nodes), null, 2) + '\n';
  const traceInfo = traces.map((t) => (t ? { report: t.report, functions: t.functions.length } : null));
  if (!folder) {
    // The same scenario text and state JSON the folders hold, so the merge is that of a written run.
    const parsed = JSON.parse(resolvedText) as ResolvedScenario & { resolved?: unknown };
    const { resolved: _resolved, ...scenario } = parsed;
    return mergeCells(
      scenario as ResolvedScenario,
      ran.map((c) => states.get(c)!),
      traceInfo,
    );
  }
  writePartialFiles(
    folder.tmp,
    { format: 'sim-cells/1', toolVersion: TOOL_VERSION, cells: k, shard: o.shard ? [o.shard.index, o.shard.count] : null, ran, traces: traceInfo },
    resolvedText,
    traces.map((t) => (t ? traceFunctionsCsv(t.functions) : null)),
  );
  if (o.shard) return null;
  const merged = mergePartialsInto([folder.tmp], folder);
  for (const c of ran) rmSync(folder.path(cellDir(c)), { recursive: true });
  rmSync(folder.path(CELLS_MANIFEST));
  return merged;
}
