// Reading a scenario: JSON with line/column on syntax errors, `--set path=value` overrides,
// schema validation with one message per problem and its JSON path, then the semantic checks
// that the schema cannot express (references, a function larger than every node, ...).
import { readFileSync } from 'node:fs';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { InputError, type InputProblem } from '../input/errors.ts';
import { Scenario, type ResolvedScenario } from './schema.ts';
import { checkScenario } from './check.ts';
import { expandProvider } from './providers.ts';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(root)';
}

/** Deepest nesting of arrays and objects a scenario or sweep file may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses JSON text, reporting every syntax error with its line and column. A leading UTF-8 byte
 * order mark is dropped; UTF-16 text (read as UTF-8 it holds NUL characters) and nesting deeper
 * than MAX_JSON_DEPTH (which would overflow the stack of the parser or the validator) are errors.
 */
export function parseJsonText(text: string, file: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000') || text.startsWith('\ufffd\ufffd')) {
    throw new InputError({ file, message: 'file is UTF-16 (or holds NUL bytes); save it as UTF-8' });
  }
  const deep = tooDeep(text);
  if (deep >= 0) {
    const { line, column } = lineColumn(text, deep);
    throw new InputError({ file, where: `line ${line}, column ${column}`, message: `nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects` });
  }
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

/** Offset of the first bracket past MAX_JSON_DEPTH levels (outside strings), or -1. */
function tooDeep(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
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
export function applyOverrides(raw: unknown, sets: readonly string[], file = '<scenario>'): unknown {
  if (sets.length > 0 && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
    throw new InputError({
      file,
      where: '(root)',
      message: `the scenario's root must be an object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`,
    });
  }
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

/** A problem with the path it is at, as keys, and the unknown keys if that is the problem. */
interface Located {
  readonly problem: InputProblem;
  readonly path: readonly PropertyKey[];
  readonly unknownKeys?: readonly string[];
}

/** Turns zod issues into problems; for a failed union, reports the branch that got furthest. */
export function zodProblems(issues: readonly Issue[], file: string, base: PropertyKey[] = []): InputProblem[] {
  return locate(issues, file, base).map((l) => l.problem);
}

function locate(issues: readonly Issue[], file: string, base: PropertyKey[] = []): Located[] {
  const out: Located[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...locate(bestBranch(issue.errors), file, path));
      continue;
    }
    let message = issue.message;
    let unknownKeys: string[] | undefined;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      unknownKeys = issue.keys;
    } else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      message = `required field is missing (expected ${issue.expected})`;
    }
    out.push({ problem: { file, where: formatPath(path), message }, path, ...(unknownKeys ? { unknownKeys } : {}) });
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

/**
 * Validates an already-parsed scenario object. Schema problems and the semantic problems that can
 * still be checked are reported together, so a file needs one round of fixes, not two.
 */
export function validateScenario(input: unknown, file = '<scenario>'): ResolvedScenario {
  const raw = expandProvider(input);
  const r = Scenario.safeParse(raw);
  if (!r.success) {
    const located = locate(r.error.issues, file);
    throw new InputError([...located.map((l) => l.problem), ...semanticDespite(raw, located, file)]);
  }
  const problems = checkScenario(r.data, file);
  if (problems.length) throw new InputError(problems);
  return r.data;
}

/**
 * Values tried in place of a bad one, in turn, until the rest of the scenario parses: removal
 * (the field's default), then placeholders valid for most numeric, quantity and name fields.
 */
const PLACEHOLDERS: readonly unknown[] = [undefined, 1, 1e6, 'x'];
const REPAIR_ROUNDS = 8;

/**
 * The semantic problems of a scenario that failed the schema: a copy has each bad value replaced
 * (see PLACEHOLDERS) until it parses; then the semantic checks run on it and every problem at or
 * around a replaced value is dropped, since it may be about the placeholder. Gives up (no extra
 * problems) when the copy cannot be made to parse.
 */
function semanticDespite(raw: unknown, located: readonly Located[], file: string): InputProblem[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const copy = structuredClone(raw) as Record<string, unknown>;
  const tried = new Map<string, number>();
  let issues = located;
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    for (const l of issues) {
      if (l.unknownKeys) {
        for (const k of l.unknownKeys) {
          const path = [...l.path, k];
          if (!replaceAt(copy, path, undefined)) return [];
          tried.set(formatPath(path), 0);
        }
        continue;
      }
      const where = formatPath(l.path);
      let next = tried.has(where) ? tried.get(where)! + 1 : 0;
      while (next < PLACEHOLDERS.length && !replaceAt(copy, l.path, PLACEHOLDERS[next])) next++;
      if (next >= PLACEHOLDERS.length) return [];
      tried.set(where, next);
    }
    const r = Scenario.safeParse(copy);
    if (r.success) {
      let problems: InputProblem[];
      try {
        problems = checkScenario(r.data, file);
      } catch {
        return []; // a placeholder the checks cannot digest: the schema problems stand alone
      }
      const repaired = [...tried.keys()];
      return problems.filter((p) => !repaired.some((q) => overlaps(p.where ?? '', q)));
    }
    issues = locate(r.error.issues, file);
  }
  return [];
}

/** Sets (or, for undefined, deletes) the value at `path` in place; false if there is none to set. */
function replaceAt(root: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): boolean {
  if (path.length === 0) return false;
  let cur: unknown = root;
  for (const k of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  if (cur === null || typeof cur !== 'object') return false;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    // Removing an array element would shift the indices the other problems name.
    if (Array.isArray(cur)) return false;
    delete (cur as Record<PropertyKey, unknown>)[last];
  } else (cur as Record<PropertyKey, unknown>)[last] = value;
  return true;
}

/** Whether one JSON path is the other or inside it. */
function overlaps(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return inside(a, b) || inside(b, a);
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
  applyOverrides(raw, opts.sets ?? [], file);
  if (opts.seed !== undefined && raw && typeof raw === 'object') (raw as Record<string, unknown>).seed = opts.seed;
  return validateScenario(raw, file);
}
