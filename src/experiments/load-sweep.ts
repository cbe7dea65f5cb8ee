// Reading a sweep file: parse and validate it, read the base scenario, check each axis on its own
// (so an unknown path or a bad value is blamed on its axis), then expand and validate every run.
// Anything wrong is one InputError listing every problem; nothing is written.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type InputProblem } from '../input/errors.ts';
import { applyOverrides, parseJsonText, validateScenario, zodProblems } from '../scenario/load.ts';
import type { ResolvedScenario } from '../scenario/schema.ts';
import { expandPoints, seedList, type AxisSpec } from './expand.ts';
import { metricProblems } from './metric-paths.ts';
import { planHash, type PlannedRun, type SweepPlan } from './plan.ts';
import { runFolderName, runId } from './slug.ts';
import { SweepFile, type SweepFileParsed } from './sweep-schema.ts';

/** Axes the sweep sets itself, through other fields. */
const RESERVED_AXES: Record<string, string> = { seed: 'use "seeds" to vary the seed' };
/** Combination problems reported before the list is cut short. */
const MAX_RUN_PROBLEMS = 20;

export const axisWhere = (path: string, k?: number) => `axes[${JSON.stringify(path)}]${k === undefined ? '' : `[${k}]`}`;

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
}

/** Structure checks zod cannot name well: empty axes, reserved axes, zip groups. */
function structureProblems(s: SweepFileParsed, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [path, values] of Object.entries(s.axes)) {
    if (values.length === 0) problems.push({ file, where: axisWhere(path), message: 'axis has no values' });
    if (RESERVED_AXES[path]) problems.push({ file, where: axisWhere(path), message: RESERVED_AXES[path] });
  }
  const zipped = new Map<string, number>();
  s.zip.forEach((group, g) => {
    for (const path of group) {
      const where = `zip[${g}]`;
      if (!(path in s.axes)) problems.push({ file, where, message: `"${path}" is not an axis` });
      else if (zipped.has(path)) problems.push({ file, where, message: `"${path}" is already in zip[${zipped.get(path)}]` });
      else zipped.set(path, g);
    }
    const lengths = group.filter((p) => p in s.axes).map((p) => s.axes[p]!.length);
    if (new Set(lengths).size > 1) {
      problems.push({
        file,
        where: `zip[${g}]`,
        message: `zipped axes need as many values each (got ${group.map((p, i) => `${p}: ${lengths[i] ?? '?'}`).join(', ')})`,
      });
    }
  });
  return problems;
}

/** Applies axis values and a seed to a copy of the raw base scenario and validates it. */
function buildScenario(base: unknown, axes: readonly string[], values: readonly unknown[], seed: number | undefined, file: string): ResolvedScenario {
  const raw = structuredClone(base);
  // JSON text so applyOverrides gives back exactly the value from the sweep file.
  applyOverrides(
    raw,
    axes.map((a, i) => `${a}=${JSON.stringify(values[i])}`),
  );
  if (seed !== undefined && raw && typeof raw === 'object') (raw as Record<string, unknown>).seed = seed;
  return validateScenario(raw, file);
}

const problemText = (p: InputProblem) => (p.where ? `${p.where}: ${p.message}` : p.message);

/** Each axis alone on the base scenario: blames unknown paths and bad values on their axis. */
function axisProblems(base: unknown, baseFile: string, axes: readonly AxisSpec[], file: string): InputProblem[] {
  const out: InputProblem[] = [];
  for (const axis of axes) {
    const perValue = axis.values.map((v) => {
      try {
        buildScenario(base, [axis.path], [v], undefined, baseFile);
        return [];
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return e.problems.map(problemText);
      }
    });
    const first = perValue[0]!.join('\n');
    if (first !== '' && perValue.every((p) => p.join('\n') === first)) {
      // Every value fails the same way: the path itself is wrong.
      for (const text of perValue[0]!) out.push({ file, where: axisWhere(axis.path), message: `scenario path "${axis.path}": ${text}` });
      continue;
    }
    perValue.forEach((texts, k) => {
      for (const text of texts) out.push({ file, where: axisWhere(axis.path, k), message: `value ${JSON.stringify(axis.values[k])}: ${text}` });
    });
  }
  return out;
}

/** Applies the sweep's `set` overrides to the raw base (in place) and validates the result. */
function applyFixed(base: unknown, set: Record<string, unknown>, file: string, baseFile: string): ResolvedScenario {
  const problems: InputProblem[] = [];
  for (const [path, value] of Object.entries(set)) {
    try {
      applyOverrides(base, [`${path}=${JSON.stringify(value)}`]);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const p of e.problems) problems.push({ file, where: `set[${JSON.stringify(path)}]`, message: problemText(p) });
    }
  }
  if (problems.length) throw new InputError(problems);
  try {
    return validateScenario(structuredClone(base), baseFile);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // The base alone was valid, so its "set" made it invalid.
    throw new InputError(e.problems.map((p) => ({ file, where: 'set', message: problemText(p) })));
  }
}

/** Reads, validates and expands a sweep file. Throws InputError for anything wrong with it. */
export function loadSweep(file: string): SweepPlan {
  const parsed = SweepFile.safeParse(parseJsonText(readText(file), file));
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, file));
  const s = parsed.data;
  const baseFile = resolve(dirname(file), s.base);
  const base = parseJsonText(readText(baseFile), baseFile);
  validateScenario(structuredClone(base), baseFile); // the base file's own problems, blamed on it
  const baseScenario = applyFixed(base, s.set, file, baseFile);
  const axes: AxisSpec[] = Object.entries(s.axes).map(([path, values]) => ({ path, values }));
  // Structure and per-axis problems together, so one pass shows everything to fix.
  const problems = [
    ...structureProblems(s, file),
    ...axisProblems(
      base,
      baseFile,
      axes.filter((a) => a.values.length > 0),
      file,
    ),
    ...metricProblems(s.metrics, file),
  ];
  if (problems.length) throw new InputError(problems);

  const paths = axes.map((a) => a.path);
  const seeds = s.seeds === undefined ? [baseScenario.seed] : seedList(s.seeds);
  if (new Set(seeds).size !== seeds.length) throw new InputError({ file, where: 'seeds', message: 'seeds repeat' });
  const points = expandPoints(axes, s.zip, seeds);
  const runs: PlannedRun[] = [];
  points.forEach((p, index) => {
    const id = runId(index, points.length);
    const folder = runFolderName(id, paths, p.values, p.seed);
    try {
      runs.push({ index, id, folder, seed: p.seed, values: p.values, scenario: buildScenario(base, paths, p.values, p.seed, baseFile) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Each axis is fine alone, so the combination is what breaks the scenario.
      for (const q of e.problems) problems.push({ file, where: folder, message: `this combination of axis values: ${problemText(q)}` });
    }
  });
  if (problems.length > MAX_RUN_PROBLEMS) {
    const more = problems.length - MAX_RUN_PROBLEMS;
    problems.splice(MAX_RUN_PROBLEMS, more, { file, message: `... and ${more} more problem(s)` });
  }
  if (problems.length) throw new InputError(problems);
  return { name: s.name, file, axes: paths, metrics: s.metrics, runs, hash: planHash(s.name, paths, s.metrics, runs) };
}
