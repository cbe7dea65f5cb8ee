// Reading a scenario: JSON with line/column on syntax errors, `--set path=value` overrides,
// schema validation with one message per problem and its JSON path, then the semantic checks
// that the schema cannot express (references, a function larger than every node, ...).
import { readFileSync } from 'node:fs';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { InputError, type InputProblem } from './errors.ts';
import { Scenario, type ResolvedScenario } from './schema.ts';
import { checkScenario } from './check.ts';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(root)';
}

/** Parses JSON text, reporting every syntax error with its line and column. */
export function parseJsonText(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    throw new InputError(
      errors.map((e) => {
        const { line, column } = lineColumn(text, e.offset);
        return { file, where: `line ${line}, column ${column}`, message: `invalid JSON: ${describeJsonError(printParseErrorCode(e.error))}` };
      }),
    );
  }
  return value;
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Applies `path=value` overrides (value parsed as JSON when it is JSON, else taken as a string). */
export function applyOverrides(raw: unknown, sets: readonly string[]): unknown {
  const problems: InputProblem[] = [];
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) {
      problems.push({ file: '--set', where: s, message: 'expected path=value, e.g. policies.keepAlive=fixed(ttl=20m)' });
      continue;
    }
    const path = splitPath(s.slice(0, eq));
    const text = s.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
    const problem = setAt(raw, path, value);
    if (problem) problems.push({ file: '--set', where: s.slice(0, eq), message: problem });
  }
  if (problems.length) throw new InputError(problems);
  return raw;
}

function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (/^\d+$/.test(m[1]!)) parts.push(Number(m[1]));
    else parts.push(m[1]!);
  }
  return parts;
}

/** Segments that would reach an object's prototype instead of a field of the scenario. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

function setAt(root: unknown, path: (string | number)[], value: unknown): string | null {
  if (path.length === 0) return 'empty path';
  const bad = path.find((p) => typeof p === 'string' && FORBIDDEN_SEGMENTS.has(p));
  if (bad !== undefined) return `"${String(bad)}" is not a scenario field (paths may not name __proto__, constructor or prototype)`;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return `cannot set a field: the scenario's root is ${root === null ? 'null' : Array.isArray(root) ? 'an array' : `a ${typeof root}`}, not an object`;
  }
  let cur: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = Object.hasOwn(cur as object, key) ? (cur as Record<string | number, unknown>)[key] : undefined;
    if (next === undefined || next === null || typeof next !== 'object') {
      if (typeof key === 'number') return `${formatPath(path.slice(0, i + 1))} does not exist`;
      // Create intermediate objects for sections left to their defaults (e.g. policies).
      (cur as Record<string, unknown>)[key] = typeof path[i + 1] === 'number' ? [] : {};
    }
    cur = (cur as Record<string | number, unknown>)[key];
    if (typeof cur !== 'object' || cur === null) return `${formatPath(path.slice(0, i + 1))} is not an object`;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(cur) && typeof last === 'number' && last > cur.length) {
    return `${formatPath(path)}: index ${last} is past the end (length ${cur.length})`;
  }
  (cur as Record<string | number, unknown>)[last] = value;
  return null;
}

type Issue = z.core.$ZodIssue;

/** Turns zod issues into problems; for a failed union, reports the branch that got furthest. */
export function zodProblems(issues: readonly Issue[], file: string, base: PropertyKey[] = []): InputProblem[] {
  const out: InputProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...zodProblems(bestBranch(issue.errors), file, path));
      continue;
    }
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      message = `required field is missing (expected ${issue.expected})`;
    }
    out.push({ file, where: formatPath(path), message });
  }
  return out;
}

function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  let best = branches[0]!;
  let bestScore = -Infinity;
  for (const b of branches) {
    // A branch that recognised the object's keys and failed deeper inside is the one the user meant.
    const unknownAtRoot = b.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
    const typeAtRoot = b.some((i) => i.code === 'invalid_type' && i.path.length === 0);
    const depth = Math.max(0, ...b.map((i) => i.path.length));
    const score = depth * 10 - (unknownAtRoot ? 100 : 0) - (typeAtRoot ? 50 : 0) - b.length * 0.01;
    if (score > bestScore) {
      best = b;
      bestScore = score;
    }
  }
  return best;
}

/** Validates an already-parsed scenario object. */
export function validateScenario(raw: unknown, file = '<scenario>'): ResolvedScenario {
  const r = Scenario.safeParse(raw);
  if (!r.success) throw new InputError(zodProblems(r.error.issues, file));
  const problems = checkScenario(r.data, file);
  if (problems.length) throw new InputError(problems);
  return r.data;
}

export interface LoadOptions {
  readonly sets?: readonly string[];
  readonly seed?: number;
}

/** Reads, overrides and validates a scenario file. Throws InputError for anything wrong with it. */
export function loadScenarioFile(file: string, opts: LoadOptions = {}): ResolvedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError({ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
  const raw = parseJsonText(text, file);
  applyOverrides(raw, opts.sets ?? []);
  if (opts.seed !== undefined && raw && typeof raw === 'object') (raw as Record<string, unknown>).seed = opts.seed;
  return validateScenario(raw, file);
}
