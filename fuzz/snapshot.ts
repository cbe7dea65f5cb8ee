// The state of a case's folder as names, kinds, sizes and modification times: compared before and
// after a run to see what a command created, changed or deleted.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Snapshot = Map<string, string>;
const MAX_ENTRIES = 20_000;

export function snapshot(root: string, skip: ReadonlySet<string> = new Set()): Snapshot {
  const out: Snapshot = new Map();
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (out.size >= MAX_ENTRIES) return;
      const r = rel === '' ? name : `${rel}/${name}`;
      if (skip.has(r)) continue;
      const st = lstatSync(join(root, r), { throwIfNoEntry: false });
      if (!st) continue;
      // A directory's size and time change whenever an entry is added: its entries say enough.
      out.set(r, st.isDirectory() ? 'dir' : `${st.isFile() ? 'file' : 'other'}:${st.size}:${st.mtimeMs}`);
      if (st.isDirectory()) walk(r);
    }
  };
  walk('');
  return out;
}

export interface TreeDiff {
  readonly added: string[];
  readonly removed: string[];
  readonly changed: string[];
}

export function diff(before: Snapshot, after: Snapshot): TreeDiff {
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...before.keys()].filter((k) => after.has(k) && after.get(k) !== before.get(k));
  return { added, removed, changed };
}
