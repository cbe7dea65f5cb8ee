// Structured mutations of a parsed JSON document. A mutation is plain data (op + indices into the
// document's nodes and the edge-value lists), so fast-check can generate and shrink it and a
// failure report can print it; applying it is deterministic.
import { ALL_EDGES, ODD_KEYS, type Edge, type Raw } from './edge-values.ts';
import { toJsonText } from './json-text.ts';

export type JsonOp = 'leaf' | 'retype' | 'delete' | 'unknown-field' | 'deep-nest' | 'grow-array';
export const JSON_OPS: readonly JsonOp[] = ['leaf', 'retype', 'delete', 'unknown-field', 'deep-nest', 'grow-array'];

export interface JsonMutation {
  readonly op: JsonOp;
  /** Which node (modulo the node count, in document order). */
  readonly at: number;
  /** Which edge value / key / type (modulo the list length). */
  readonly pick: number;
}

type Path = (string | number)[];

function nodes(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []): { path: Path; value: unknown }[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], out);
  return out;
}

const isContainer = (v: unknown) => v !== null && typeof v === 'object';

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let cur = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  // defineProperty, so a "__proto__" key becomes an own member as JSON.parse makes it.
  Object.defineProperty(cur, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  let cur = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (Array.isArray(cur)) cur.splice(last as number, 1);
  else delete cur[last];
  return root;
}

/** A value of another JSON type carrying the old one where it can (number <-> string, wrapped). */
function retyped(v: unknown, pick: number): Edge {
  const options: Edge[] = [
    typeof v === 'number' ? String(v) : typeof v === 'string' ? (Number.isFinite(Number(v)) ? Number(v) : v.length) : 1,
    null,
    [v as Edge],
    { value: v },
    typeof v === 'boolean' ? String(v) : !v,
  ];
  return options[pick % options.length]!;
}

/** Deep nesting as raw text: JSON.stringify itself overflows the stack on 100,000 levels. */
function nest(v: unknown, depth: number, asArray: boolean): Raw {
  const inner = toJsonText(v, 0) || 'null';
  return asArray ? { raw: '['.repeat(depth) + inner + ']'.repeat(depth) } : { raw: '{"x":'.repeat(depth) + inner + '}'.repeat(depth) };
}

const DEPTHS = [50, 5_000, 100_000];

export function applyJsonMutation(doc: unknown, m: JsonMutation): unknown {
  const all = nodes(doc);
  const pickFrom = <T>(list: readonly { path: Path; value: unknown }[], fallback: T) => (list.length ? list[m.at % list.length]! : fallback);
  switch (m.op) {
    case 'leaf': {
      const n = pickFrom(
        all.filter((x) => !isContainer(x.value)),
        all[m.at % all.length]!,
      );
      return setAt(doc, n.path, structuredClone(ALL_EDGES[m.pick % ALL_EDGES.length]));
    }
    case 'retype': {
      const n = all[m.at % all.length]!;
      return setAt(doc, n.path, retyped(n.value, m.pick));
    }
    case 'delete': {
      const n = all[m.at % all.length]!;
      return deleteAt(doc, n.path);
    }
    case 'unknown-field': {
      const n = pickFrom(
        all.filter((x) => isContainer(x.value) && !Array.isArray(x.value)),
        all[0]!,
      );
      if (!isContainer(n.value) || Array.isArray(n.value)) return doc;
      return setAt(doc, [...n.path, ODD_KEYS[m.pick % ODD_KEYS.length]!], structuredClone(ALL_EDGES[m.pick % ALL_EDGES.length]));
    }
    case 'deep-nest': {
      const n = all[m.at % all.length]!;
      return setAt(doc, n.path, nest(n.value, DEPTHS[m.pick % DEPTHS.length]!, m.pick % 2 === 0));
    }
    case 'grow-array': {
      // Many copies of one element: large fleets, many functions or workload sources.
      const n = pickFrom(
        all.filter((x) => Array.isArray(x.value) && (x.value as unknown[]).length > 0),
        all[0]!,
      );
      if (!Array.isArray(n.value)) return doc;
      const copies = [2, 50, 2_000][m.pick % 3]!;
      return setAt(
        doc,
        n.path,
        Array.from({ length: copies }, () => structuredClone((n.value as unknown[])[0])),
      );
    }
  }
}

export function describeJsonMutation(doc: unknown, m: JsonMutation): string {
  const all = nodes(doc);
  const leaves = all.filter((x) => !isContainer(x.value));
  const objects = all.filter((x) => isContainer(x.value) && !Array.isArray(x.value));
  const arrays = all.filter((x) => Array.isArray(x.value) && (x.value as unknown[]).length > 0);
  const at = (list: typeof all) => (list.length ? list[m.at % list.length]! : all[0]!).path;
  const value = (v: unknown) => {
    const t = toJsonText(v, 0);
    return t.length > 40 ? `${t.slice(0, 40)}...(${t.length} chars)` : t;
  };
  // The same choices applyJsonMutation makes, spelled out: a reproducer's summary names the value.
  switch (m.op) {
    case 'leaf':
      return `leaf@${JSON.stringify(leaves.length ? at(leaves) : all[m.at % all.length]!.path)}=${value(ALL_EDGES[m.pick % ALL_EDGES.length])}`;
    case 'unknown-field':
      return `unknown-field@${JSON.stringify(at(objects))}+${JSON.stringify(ODD_KEYS[m.pick % ODD_KEYS.length])}=${value(ALL_EDGES[m.pick % ALL_EDGES.length])}`;
    case 'grow-array':
      return `grow-array@${JSON.stringify(at(arrays))}x${[2, 50, 2_000][m.pick % 3]}`;
    case 'deep-nest':
      return `deep-nest@${JSON.stringify(all[m.at % all.length]!.path)}x${DEPTHS[m.pick % DEPTHS.length]}${m.pick % 2 === 0 ? '[]' : '{}'}`;
    case 'retype':
      return `retype@${JSON.stringify(all[m.at % all.length]!.path)}=${value(retyped(all[m.at % all.length]!.value, m.pick))}`;
    case 'delete':
      return `delete@${JSON.stringify(all[m.at % all.length]!.path)}`;
  }
}
