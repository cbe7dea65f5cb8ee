// `sim compare --fail-if`: regression checks for CI. A check is `<metric path><op><threshold>`,
// e.g. `latencyMs.endToEnd.p99>5%` (fails when p99 grew by more than 5% against the first run)
// or `coldStarts.invocations>=10` (fails when it grew by 10 or more). The path is a summary.json
// path as in a sweep's `metrics`; the threshold bounds the change, never the value itself.
import { InputError } from '../input/errors.ts';
import { getPath } from './results.ts';
import { metricPathProblem } from './metric-paths.ts';
import type { MetricRow } from './compare.ts';

export type Op = '>' | '>=' | '<' | '<=';

export interface Check {
  /** As the user wrote it. */
  readonly text: string;
  readonly path: string;
  readonly op: Op;
  readonly threshold: number;
  /** True: the threshold is a percentage of the baseline (relative change); false: in the metric's own unit. */
  readonly relative: boolean;
}

export const FAIL_IF_GRAMMAR =
  '<metric path><op><threshold>: a summary.json path (as in a sweep\'s "metrics", e.g. latencyMs.endToEnd.p99), ' +
  'an operator >, >=, < or <=, and a number, optionally signed, with a trailing % for a change relative to the first run ' +
  '(e.g. latencyMs.endToEnd.p99>5%, invocations.completed<-1%, coldStarts.invocations>=10)';

const CHECK = /^\s*([^<>=\s][^<>=]*?)\s*(>=|<=|>|<)\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/;

/** Parses one --fail-if; a malformed one or a path no summary has is an InputError (exit 2). */
export function parseCheck(text: string): Check {
  const m = CHECK.exec(text);
  if (!m) throw new InputError({ where: '--fail-if', message: `${JSON.stringify(text)}: expected ${FAIL_IF_GRAMMAR}` });
  const path = m[1]!;
  const problem = metricPathProblem(path);
  if (problem) throw new InputError({ where: '--fail-if', message: `${JSON.stringify(text)}: ${problem}` });
  return { text, path, op: m[2] as Op, threshold: Number(m[3]), relative: m[4] === '%' };
}

export interface CheckOutcome {
  readonly check: Check;
  /** Per later run: the change compared (in % when relative), or null when it cannot be computed. */
  readonly changes: readonly (number | null)[];
  readonly failed: boolean;
  /** Why it failed or was not evaluated, in words. */
  readonly notes: readonly string[];
}

function holds(x: number, op: Op, t: number): boolean {
  switch (op) {
    case '>':
      return x > t;
    case '>=':
      return x >= t;
    case '<':
      return x < t;
    case '<=':
      return x <= t;
  }
}

/**
 * Evaluates `check` on the comparison. A path that names a section (not a number) is an
 * InputError. A metric present in some runs and absent in others fails (a change that cannot be
 * measured); one absent from every run passes with a note (e.g. a drop reason that never happened).
 */
export function evaluateCheck(check: Check, metrics: readonly MetricRow[], summaries: readonly unknown[], dirs: readonly string[]): CheckOutcome {
  const row = metrics.find((r) => r.path === check.path);
  if (!row) {
    const section = summaries.find((s) => {
      const v = getPath(s, check.path);
      return v !== undefined && typeof v !== 'number';
    });
    if (section !== undefined) {
      const under = metrics.filter((r) => r.path.startsWith(check.path + '.') || r.path.startsWith(check.path + '[')).map((r) => r.path);
      const hint = under.length ? `; numbers under it: ${under.slice(0, 4).join(', ')}${under.length > 4 ? ', ...' : ''}` : '';
      throw new InputError({ where: '--fail-if', message: `${JSON.stringify(check.text)}: "${check.path}" is not a number in summary.json${hint}` });
    }
    return { check, changes: dirs.slice(1).map(() => null), failed: false, notes: [`${check.path} is in no run's summary.json: nothing to compare`] };
  }
  const notes: string[] = [];
  let failed = false;
  const changes = row.deltas.map((d, i) => {
    const dir = dirs[i + 1]!;
    if (d.abs === null) {
      failed = true;
      notes.push(
        `${check.path} is in ${row.values[0] === null ? 'this run' : 'the first run'} only (${row.values[0] === null ? dir : dirs[0]}): the change cannot be measured`,
      );
      return null;
    }
    // A change from 0 has no finite relative size: it counts as infinitely large in its direction.
    const x = check.relative ? (d.rel === null ? Math.sign(d.abs) * Infinity : 100 * d.rel) : d.abs;
    if (holds(x, check.op, check.threshold)) {
      failed = true;
      notes.push(
        `${dir}: ${check.path} ${row.values[0]} -> ${row.values[i + 1]} (change ${formatChange(x, check.relative)}) ${check.op} ${check.threshold}${check.relative ? '%' : ''}`,
      );
    }
    return x;
  });
  return { check, changes, failed, notes };
}

function formatChange(x: number, relative: boolean): string {
  if (!Number.isFinite(x)) return x > 0 ? '+inf%' : '-inf%';
  const s = `${x >= 0 ? '+' : ''}${Number(x.toPrecision(6))}`;
  return relative ? `${s}%` : s;
}
