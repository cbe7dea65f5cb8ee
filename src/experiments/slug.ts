// Run ids and folder names: `run-0007` (unique, sortable) plus a readable slug of the axis
// values and seed, sanitised so the folder name is safe in shells and on every file system.
import { formatAxisValue } from './axis-value.ts';

const MAX_VALUE = 40;
const MAX_SLUG = 100;

/** `run-0007`; at least four digits, more when the sweep needs them, so ids sort as text. */
export function runId(index: number, total: number): string {
  const width = Math.max(4, String(Math.max(0, total - 1)).length);
  return `run-${String(index).padStart(width, '0')}`;
}

/** The last name in a scenario path: `fleet.nodes[0].count` -> `count`. */
export function shortName(path: string): string {
  const names = path.split(/[.[\]]+/).filter((s) => s !== '' && !/^\d+$/.test(s));
  return names[names.length - 1] ?? path;
}

function clean(text: string, max: number): string {
  return text
    .replace(/[^A-Za-z0-9.=+-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

/** `run-0007_keepAlive=fixed-ttl=5m_seed=2`. */
export function runFolderName(id: string, axes: readonly string[], values: readonly unknown[], seed: number): string {
  const parts = axes.map((a, i) => `${clean(shortName(a), MAX_VALUE)}=${clean(formatAxisValue(values[i]), MAX_VALUE)}`);
  parts.push(`seed=${seed}`);
  // Each part is cleaned on its own so `_` only ever separates parts.
  return `${id}_${parts.join('_').slice(0, MAX_SLUG)}`;
}
