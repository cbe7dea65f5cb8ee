// A sweep's extra `metrics` are paths into summary.json. A path that no summary can have (a typo,
// a value where a path belongs) is caught when the sweep is read, before any run, against the
// summary of an empty probe run: every fixed field is there, and the maps keyed by what happens
// in a run (drop reasons, start paths, workflows, ...) are empty, so any key below them may exist.
import type { InputProblem } from '../input/errors.ts';
import { validateScenario } from '../scenario/load.ts';
import { simulateLoaded } from '../simulate.ts';
import { splitMetricPath } from './results.ts';

/** Top-level sections a summary has only when the scenario has what they describe. */
const OPTIONAL_SECTIONS = new Set(['workflows']);

let probe: Record<string, unknown> | null = null;

function probeSummary(): Record<string, unknown> {
  probe ??= simulateLoaded(
    validateScenario({
      version: 1,
      name: 'metric-probe',
      duration: '1s',
      fleet: { nodes: [{ cores: 1, memory: '1GiB' }] },
      functions: [{ name: 'f', memory: '128MiB', execution: '1ms' }],
      output: { invocations: false },
    }),
    [],
  ).summary;
  return probe;
}

function isOpen(v: unknown): boolean {
  return Array.isArray(v) || (v !== null && typeof v === 'object' && Object.keys(v).length === 0);
}

/** Why `path` can be in no run's summary.json, or null when it can be. */
export function metricPathProblem(path: string): string | null {
  const keys = splitMetricPath(path);
  if (keys.length === 0) return 'an empty path';
  if (OPTIONAL_SECTIONS.has(String(keys[0]))) return null;
  let cur: unknown = probeSummary();
  for (let i = 0; i < keys.length; i++) {
    if (isOpen(cur)) return null;
    if (cur === null || typeof cur !== 'object') {
      return `"${keys.slice(0, i).join('.')}" is a value, not a section of summary.json`;
    }
    const key = String(keys[i]);
    if (!Object.hasOwn(cur, key)) {
      const where = i === 0 ? 'at the top of summary.json' : `under "${keys.slice(0, i).join('.')}"`;
      const known = Object.keys(cur).join(', ');
      return `"${key}" is not a field ${where} (there: ${known})`;
    }
    cur = (cur as Record<string, unknown>)[key];
  }
  return null;
}

/** Every metric path of a sweep file that no summary can have, as problems. */
export function metricProblems(metrics: readonly string[], file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  metrics.forEach((m, i) => {
    const p = metricPathProblem(m);
    if (p) problems.push({ file, where: `metrics[${i}]`, message: `${JSON.stringify(m)}: ${p}` });
  });
  return problems;
}
