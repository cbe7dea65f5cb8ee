// The one-way layer rule of src/ (CONTRIBUTING.md "Layers"): a file may import its own layer and
// the layers below it, never one above, never anything outside src/ (bin/ included). With layers in
// a strict order no cycle between layers can form without an upward import; the check reports
// upward imports, and cycles between the folders or files that share a layer. Imports are read with
// TypeScript's own pre-parser (static, type-only, export-from and dynamic imports; comments and
// strings are not mistaken for imports), so the check needs no dependency beyond the compiler.
// Run it alone with `npx tsx test/layers/check-layers.ts`; test/layers/layers.test.ts runs it in
// the unit set.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Layers of src/, bottom first. An entry is a folder of src/ or a file at its top. A file may
 * import from its own layer and from any layer earlier in this list.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['engine'], // event queue, clock, random streams, histograms: nothing serverless
  ['calibration'], // published measurements (CSV) and their readers
  ['model'], // nodes, CPU, instances, invocations, control plane, start paths; the views and interfaces policies implement
  ['input'], // what a user gives: the InputError type and the domain limits of every numeric field
  ['policy'], // one file per placement, autoscaling or keep-alive policy
  ['version.ts', 'interrupted.ts', 'heap-growth.ts', 'worker-exec-argv.ts', 'worker-pool.ts'], // process-wide helpers
  ['workload'], // arrival sources, trace readers and the synthetic trace generator
  ['metrics'], // recorder, summaries and output files of a run
  ['scenario'], // schema, loading, checking, building a simulation; dividing it into cells
  ['run'], // the event loop of a built simulation
  ['cells'], // a divided fleet: each cell run alone (in worker threads or shards), then merged
  ['simulate.ts'], // simulate(scenario, options): one run
  ['experiments'], // sweeps, comparisons, figures, reports
  ['cli'], // thin commands
  ['index.ts'], // the package's public API
];

/** An import that breaks the rule but is known, with the reason and what is to remove it. */
export interface Exception {
  /** Importing file, relative to the checked root (`metrics/csv-worker.mjs`). */
  readonly from: string;
  /** Imported file, relative to the checked root (`../bin/bundled.mjs` when outside it). */
  readonly to: string;
  readonly why: string;
}

export const EXCEPTIONS: readonly Exception[] = [];

export interface Problem {
  /** Importing file, relative to the checked root. */
  readonly file: string;
  readonly line: number;
  /** The import specifier as written. */
  readonly specifier: string;
  readonly message: string;
}

interface Edge {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  /** Target relative to the root ('..'-prefixed when outside it). */
  readonly target: string;
}

const SOURCE = /\.(ts|mts|mjs|js)$/;

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/** Relative imports of every source file under root (bare package names are not layers). */
export function importsOf(root: string): Edge[] {
  const edges: Edge[] = [];
  for (const abs of listFiles(root)) {
    const text = readFileSync(abs, 'utf8');
    const file = toPosix(relative(root, abs));
    const info = ts.preProcessFile(text, true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const line = text.slice(0, ref.pos).split('\n').length;
      const target = toPosix(relative(root, resolve(dirname(abs), ref.fileName)));
      edges.push({ file, line, specifier: ref.fileName, target });
    }
  }
  return edges;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** The layer entry a root-relative path belongs to: its top folder, or itself at the top. */
function unitOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash);
}

/** Every break of the layer rule under root, in file order; empty when the tree keeps it. */
export function checkLayers(root: string, layers: readonly (readonly string[])[] = LAYERS, exceptions: readonly Exception[] = EXCEPTIONS): Problem[] {
  const rank = new Map<string, number>();
  layers.forEach((names, i) => names.forEach((n) => rank.set(n, i)));
  const problems: Problem[] = [];
  const used = new Set<Exception>();
  const graph = new Map<string, Map<string, Edge>>();

  for (const abs of listFiles(root)) {
    const file = toPosix(relative(root, abs));
    if (!rank.has(unitOf(file))) {
      problems.push({
        file,
        line: 1,
        specifier: '',
        message: `${unitOf(file)} is in no layer: add it to LAYERS in test/layers/check-layers.ts (and CONTRIBUTING.md)`,
      });
    }
  }

  for (const e of importsOf(root)) {
    const excepted = exceptions.find((x) => x.from === e.file && x.to === e.target);
    if (excepted !== undefined) {
      used.add(excepted);
      continue;
    }
    const from = unitOf(e.file);
    if (e.target.startsWith('../')) {
      problems.push({ ...pick(e), message: `imports ${e.target}, outside src/ (nothing in src/ may import bin/ or other top folders)` });
      continue;
    }
    const to = unitOf(e.target);
    const rf = rank.get(from);
    const rt = rank.get(to);
    if (rf === undefined || rt === undefined || from === to) continue; // unlayered files are reported above
    if (rt > rf) {
      problems.push({ ...pick(e), message: `${from} imports ${to}, a layer above it (${e.target})` });
      continue;
    }
    let out = graph.get(from);
    if (out === undefined) graph.set(from, (out = new Map()));
    if (!out.has(to)) out.set(to, e);
  }

  for (const cycle of cycles(graph)) {
    const first = graph.get(cycle[0]!)!.get(cycle[1]!)!;
    problems.push({ ...pick(first), message: `cycle between folders: ${[...cycle, cycle[0]].join(' -> ')}` });
  }
  for (const x of exceptions) {
    if (!used.has(x)) problems.push({ file: x.from, line: 1, specifier: x.to, message: `listed exception no longer occurs: remove it from EXCEPTIONS` });
  }
  return problems;
}

function pick(e: Edge): Pick<Problem, 'file' | 'line' | 'specifier'> {
  return { file: e.file, line: e.line, specifier: e.specifier };
}

/** One cycle per strongly connected component of more than one folder (Tarjan). */
function cycles(graph: Map<string, Map<string, Edge>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) found.push(pathWithin(graph, new Set(comp), v));
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** A closed walk from start back to it inside one component (breadth-first). */
function pathWithin(graph: Map<string, Map<string, Edge>>, comp: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

export function formatProblem(p: Problem): string {
  return `src/${p.file}:${p.line}: ${p.specifier ? `'${p.specifier}': ` : ''}${p.message}`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkLayers(fileURLToPath(new URL('../../src', import.meta.url)));
  for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
  process.exitCode = problems.length > 0 ? 1 : 0;
}
