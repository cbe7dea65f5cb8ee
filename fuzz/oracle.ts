// The properties every case must satisfy, whatever its input: exit 0 or 2, no stack trace, no
// hang, nothing left behind after exit 2, nothing existing destroyed, and no null/NaN/Infinity in
// the numbers a successful command wrote or printed.
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diff, type Snapshot } from './snapshot.ts';
import type { Outcome } from './exec.ts';

export type DefectClass = 'exit-code' | 'stack-trace' | 'hang' | 'leftover' | 'clobber' | 'bad-value' | 'pollution';
export const DEFECT_CLASSES: readonly DefectClass[] = ['exit-code', 'stack-trace', 'hang', 'leftover', 'clobber', 'bad-value', 'pollution'];

export interface Violation {
  readonly cls: DefectClass;
  readonly detail: string;
}

const BAD_TOKENS = new Set(['NaN', 'Infinity', '-Infinity', 'undefined', 'null']);
const MAX_SCAN_BYTES = 8 * 1024 * 1024;

const short = (list: readonly string[]) => list.slice(0, 5).join(', ') + (list.length > 5 ? `, ... (${list.length})` : '');

// Text fields of summary.json, which echo names from the input (a scenario may be named "NaN").
const TEXT_FIELDS = /^\.(scenario|toolVersion|policies\..*)$/;
// CSV columns holding names, not numbers.
const TEXT_COLUMNS = new Set(['function', 'app', 'outcome', 'reason', 'start_path', 'trigger', 'run', 'folder', 'id', 'node', 'instance']);

/** Paths (from root) of null, NaN-like or infinite values in a parsed JSON document. */
function badJsonValues(v: unknown, path: string, out: string[]): void {
  if (out.length > 5) return;
  if (v === null) out.push(`${path}=null`);
  else if (typeof v === 'string' && BAD_TOKENS.has(v) && !TEXT_FIELDS.test(path)) out.push(`${path}=${JSON.stringify(v)}`);
  else if (Array.isArray(v)) v.forEach((x, i) => badJsonValues(x, `${path}[${i}]`, out));
  else if (typeof v === 'object') for (const [k, x] of Object.entries(v as object)) badJsonValues(x, `${path}.${k}`, out);
}

/**
 * Bad cells of numeric columns: a column is numeric unless it is a known name column or none of
 * its cells is a finite number (a sweep's axis of policy names, say). Quoted cells are text.
 */
function badCsvCells(text: string): string[] {
  const rows = text.split('\n').map((l) => l.split(','));
  const header = rows[0] ?? [];
  const numeric = header.map((h, c) => !TEXT_COLUMNS.has(h) && rows.slice(1).some((r) => r[c] !== undefined && r[c] !== '' && Number.isFinite(Number(r[c]))));
  const out: string[] = [];
  for (let i = 1; i < rows.length && out.length < 5; i++) {
    rows[i]!.forEach((cell, c) => {
      if (BAD_TOKENS.has(cell.trim()) && (numeric[c] ?? true)) out.push(`line ${i + 1} ${header[c] ?? `column ${c + 1}`}: ${cell}`);
    });
  }
  return out;
}

/** Checks a finished case. `root` is the case folder the snapshots were taken of (cwd is root/w). */
export function check(outcome: Outcome, before: Snapshot, after: Snapshot, root: string): Violation[] {
  const v: Violation[] = [];
  if (outcome.timedOut) return [{ cls: 'hang', detail: `killed after ${outcome.ms} ms` }];
  if (outcome.crashed || (outcome.code !== 0 && outcome.code !== 2)) {
    v.push({ cls: 'exit-code', detail: `exit ${outcome.code}${outcome.crashed ? ' (process died)' : ''}: ${firstLine(outcome.stderr)}` });
  }
  if (/^\s+at /m.test(outcome.stderr) || /internal error|uncaught/i.test(outcome.stderr)) {
    v.push({ cls: 'stack-trace', detail: firstLine(outcome.stderr) });
  }
  if (outcome.polluted?.length) v.push({ cls: 'pollution', detail: `built-in prototypes gained ${short([...outcome.polluted])}` });
  const d = diff(before, after);
  const tmp = d.added.filter((p) => basename(p).startsWith('.tmp-'));
  if (tmp.length) v.push({ cls: 'leftover', detail: `temporary files left: ${short(tmp)}` });
  if (outcome.code === 2 && (d.added.length || d.removed.length || d.changed.length)) {
    v.push({ cls: 'leftover', detail: `after exit 2: added [${short(d.added)}] removed [${short(d.removed)}] changed [${short(d.changed)}]` });
  }
  if (outcome.code === 0 && (d.removed.length || d.changed.length)) {
    v.push({ cls: 'clobber', detail: `existing paths removed [${short(d.removed)}] changed [${short(d.changed)}]` });
  }
  if (outcome.code === 0) {
    const bad: string[] = [];
    for (const p of d.added) {
      const full = join(root, p);
      const isJson = p.endsWith('.json');
      if (!isJson && !p.endsWith('.csv')) continue;
      const st = statSync(full, { throwIfNoEntry: false });
      if (!st?.isFile() || st.size > MAX_SCAN_BYTES) continue;
      const text = readFileSync(full, 'utf8');
      if (isJson && basename(p).startsWith('summary')) {
        const found: string[] = [];
        try {
          badJsonValues(JSON.parse(text), '', found);
        } catch (e) {
          found.push(`unparsable: ${(e as Error).message}`);
        }
        if (found.length) bad.push(`${p}: ${short(found)}`);
      } else if (p.endsWith('.csv')) {
        const found = badCsvCells(text);
        if (found.length) bad.push(`${p}: ${short(found)}`);
      }
    }
    const printed = outcome.stdout.match(/\b(NaN|undefined|-?Infinity)\b/);
    if (printed) bad.push(`stdout: ...${outcome.stdout.slice(Math.max(0, printed.index! - 40), printed.index! + 20)}...`);
    if (bad.length) v.push({ cls: 'bad-value', detail: short(bad) });
  }
  return v;
}

function firstLine(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  const i = lines.findIndex((l) => /error|Error/.test(l));
  return (lines[i >= 0 ? i : 0] ?? '').slice(0, 300);
}
