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
 * else by a hash of its name. Applications whose functions are stages of one workflow are joined
 * first (a workflow never spans cells), the group taking the hash of its smallest application name.
 * Conflicting explicit cells are an InputError naming both functions.
 */
export function assignCells(s: ResolvedScenario, functions: readonly Named[], file?: string): CellAssignment {
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
    assignCells(s, s.functions.map((f) => ({ name: f.name, app: f.app ?? f.name })), file);
  } catch (e) {
    if (e instanceof InputError) out.push(...e.problems);
    else throw e;
  }
  return out;
}
