// One cell of a divided fleet as a scenario of its own: its share of each node group, its
// applications' declared functions and workflows, every workload source (those aimed at other
// cells are left out when built), and its functions' part of each trace (docs/scale.md).
import type { FunctionSpec } from '../model/function.ts';
import { cellGroupCounts, type CellAssignment } from './cells.ts';
import type { ResolvedScenario } from './schema.ts';
import type { LoadedTraces } from './traces.ts';

export interface CellScenario {
  readonly index: number;
  readonly scenario: ResolvedScenario;
  readonly traces: LoadedTraces;
  /** The cell's functions as indices in the undivided run's function list, in the cell's order. */
  readonly functions: readonly number[];
}

/**
 * Cell `c` of `s`. `all` is the undivided run's function list (buildFunctions), whose order is the
 * declared functions, then each trace source's; the cell keeps that order, so its local indices
 * rise with the global ones.
 */
export function cellScenario(s: ResolvedScenario, traces: LoadedTraces, all: readonly FunctionSpec[], a: CellAssignment, c: number): CellScenario {
  const counts = cellGroupCounts(s, c, a.cells);
  const functions: number[] = [];
  const declared = s.functions.filter((_, i) => a.ofFunction[i] === c);
  s.functions.forEach((_, i) => {
    if (a.ofFunction[i] === c) functions.push(i);
  });
  let base = s.functions.length;
  const cellTraces = traces.map((t) => {
    if (!t) return null;
    const mine: number[] = [];
    for (let k = 0; k < t.functions.length; k++) if (a.ofFunction[base + k] === c) mine.push(k);
    for (const k of mine) functions.push(base + k);
    base += t.functions.length;
    return t.subset(mine);
  });
  if (base !== all.length)
    throw new Error(`cell ${c}: ${all.length} functions expected, the traces hold ${base - s.functions.length} after ${s.functions.length} declared`);
  const scenario: ResolvedScenario = {
    ...s,
    // A group may own no node in this cell: kept with count 0, so group indices stay those of the scenario.
    fleet: { ...s.fleet, nodes: s.fleet.nodes.map((g, i) => ({ ...g, count: counts[i]! })) },
    functions: declared,
    workflows: s.workflows.filter((_, w) => a.ofWorkflow[w] === c),
  };
  return { index: c, scenario, traces: cellTraces, functions };
}
