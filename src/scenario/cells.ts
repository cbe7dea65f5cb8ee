// Which cell each application, function, workflow and node belongs to when the fleet is divided
// into independent cells (fleet.cells): the scale units of AWS Lambda and Azure Functions, each
// owning a share of the nodes and of the applications (docs/scale.md).
import { InputError, type InputProblem } from '../input/errors.ts';
import type { ResolvedScenario } from './schema.ts';

/** Cells of a scenario (1 when fleet.cells is absent). */
export function cellCount(s: ResolvedScenario): number {
  return s.fleet.cells ?? 1;
}

/**
 * Nodes of each group that cell `c` of `k` owns: each group is split as evenly as possible, the
 * first `count % k` cells taking one node more, so every cell has the fleet's mix of node kinds.
 */
export function cellGroupCounts(s: ResolvedScenario, c: number, k: number): number[] {
  return s.fleet.nodes.map((g) => Math.floor(g.count / k) + (c < g.count % k ? 1 : 0));
}

/** 32-bit FNV-1a of a string's UTF-16 code units: stable across runs, machines and Node versions. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface CellAssignment {
  readonly cells: number;
  /** Cell of each function, by index in the run's function list (declared, then trace functions). */
  readonly ofFunction: Int32Array;
  /** Cell of each workflow, by index in scenario.workflows. */
  readonly ofWorkflow: Int32Array;
}

interface Named {
  readonly name: string;
  readonly app: string;
}

/**
 * Assigns every application to a cell: by the `cell` of its declared functions when one is given,
 * else by a hash of its name (fleet.cellAssignment 'hash', the default) or, with 'balanced', by
 * expected load: groups in decreasing order of `load` (expected arrivals, summed over their
 * functions; ties by name) each to the cell with the least load so far (ties: the lower index),
 * after the explicitly placed ones (the LPT rule, Graham 1969). Applications whose functions are
 * stages of one workflow are joined first (a workflow never spans cells), a group hashing as its
 * smallest application name. Conflicting explicit cells are an InputError naming both functions.
 */
export function assignCells(s: ResolvedScenario, functions: readonly Named[], file?: string, load?: ArrayLike<number>): CellAssignment {
  const k = cellCount(s);
  // Union-find over application names.
  const parent = new Map<string, string>();
  const find = (a: string): string => {
    let r = a;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    let x = a;
    while (x !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    // The smaller name roots the group, so a group's root is its smallest name.
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };
  for (const f of functions) if (!parent.has(f.app)) parent.set(f.app, f.app);
  const appOf = new Map(functions.map((f) => [f.name, f.app]));
  for (const wf of s.workflows) {
    const apps = wf.stages.map((st) => appOf.get(st.function)).filter((a): a is string => a !== undefined);
    for (let i = 1; i < apps.length; i++) union(apps[0]!, apps[i]!);
  }

  // Explicit cells (declared functions only), checked for agreement within each group.
  const explicit = new Map<string, { cell: number; fn: number }>();
  const problems: InputProblem[] = [];
  s.functions.forEach((f, i) => {
    if (f.cell === undefined) return;
    const at = `functions[${i}].cell`;
    if (f.cell >= k) {
      problems.push({ ...(file ? { file } : {}), where: at, message: `cell ${f.cell}, but fleet.cells is ${k}: expected 0 to ${k - 1}` });
      return;
    }
    const root = find(f.app ?? f.name);
    const prev = explicit.get(root);
    if (!prev) explicit.set(root, { cell: f.cell, fn: i });
    else if (prev.cell !== f.cell) {
      const why = root === (f.app ?? f.name) ? `application "${root}"` : `the applications joined by a workflow with "${root}"`;
      problems.push({
        ...(file ? { file } : {}),
        where: at,
        message: `cell ${f.cell}, but functions[${prev.fn}] puts ${why} in cell ${prev.cell}: one application (and every workflow's stages) lives in one cell`,
      });
    }
  });
  if (problems.length) throw new InputError(problems);

  const cellOfRoot = new Map<string, number>();
  if (s.fleet.cellAssignment === 'balanced') {
    if (!load) throw new Error("fleet.cellAssignment 'balanced' needs the functions' expected load");
    const groupLoad = new Map<string, number>();
    functions.forEach((f, i) => {
      const root = find(f.app);
      groupLoad.set(root, (groupLoad.get(root) ?? 0) + (load[i] ?? 0));
    });
    const cellLoad = new Float64Array(k);
    for (const [root, e] of explicit) cellLoad[e.cell]! += groupLoad.get(root) ?? 0;
    const free = [...groupLoad.entries()].filter(([root]) => !explicit.has(root));
    free.sort(([ra, la], [rb, lb]) => lb - la || (ra < rb ? -1 : ra > rb ? 1 : 0));
    for (const [root, l] of free) {
      let best = 0;
      for (let c = 1; c < k; c++) if (cellLoad[c]! < cellLoad[best]!) best = c;
      cellLoad[best]! += l;
      cellOfRoot.set(root, best);
    }
  }
  const cellOf = (app: string): number => {
    const root = find(app);
    let c = cellOfRoot.get(root);
    if (c === undefined) {
      c = explicit.get(root)?.cell ?? fnv1a(root) % k;
      cellOfRoot.set(root, c);
    }
    return c;
  };
  const ofFunction = new Int32Array(functions.length);
  functions.forEach((f, i) => (ofFunction[i] = cellOf(f.app)));
  const index = new Map(functions.map((f, i) => [f.name, i]));
  const ofWorkflow = new Int32Array(s.workflows.length);
  s.workflows.forEach((wf, w) => {
    const i = index.get(wf.stages[0]!.function);
    ofWorkflow[w] = i === undefined ? 0 : ofFunction[i]!;
  });
  return { cells: k, ofFunction, ofWorkflow };
}

/** Problems of fleet.cells that need no trace: more cells than nodes, explicit cells in conflict. */
export function cellProblems(s: ResolvedScenario, file: string): InputProblem[] {
  const k = cellCount(s);
  let nodes = 0;
  for (const g of s.fleet.nodes) nodes += g.count;
  const out: InputProblem[] = [];
  if (k > nodes) out.push({ file, where: 'fleet.cells', message: `${k} cells but ${nodes} nodes: every cell needs at least one node` });
  try {
    const declared = s.functions.map((f) => ({ name: f.name, app: f.app ?? f.name }));
    assignCells(s, declared, file, new Float64Array(declared.length)); // the loads matter only for where, not for conflicts
  } catch (e) {
    if (e instanceof InputError) out.push(...e.problems);
    else throw e;
  }
  return out;
}
