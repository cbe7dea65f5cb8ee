// Streaming CSV rows with their line numbers, and strict field parsing that reports
// the file and line of a bad value as an InputError (exit code 2).
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import { InputError } from '../../input/errors.ts';

export interface CsvRow {
  fields: string[];
  /** 1-based line number in the file (the header is line 1). */
  line: number;
}

/**
 * Calls `onHeader` once, then `onRow` for each data row; rows must have the header's column count.
 * The trace files are plain comma-separated values, so lines are split directly (about 10x faster
 * than a general parser on the 1,444-column count files); a line holding a quote is handed to
 * csv-parse. Quoted fields spanning lines are not supported. Empty lines are skipped.
 */
/** Large reads for the day-long count files, but no 1 MiB buffer for a small file (a scenario
 * with 2,000 sources of a 17 KB trace spent half its time collecting those buffers). */
function chunkBytes(file: string): number {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // The stream reports a missing or unreadable file below, with the message the user sees.
  }
  return Math.max(4096, Math.min(1 << 20, size + 1));
}

export async function readCsv(file: string, onHeader: (header: string[]) => void, onRow: (row: CsvRow) => void): Promise<void> {
  let width = -1;
  let line = 0;
  const handle = (text: string): void => {
    line++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.length === 0) return;
    const fields = text.includes('"') ? quoted(text, file, line) : text.split(',');
    if (width < 0) {
      width = fields.length;
      onHeader(fields);
      return;
    }
    if (fields.length !== width) {
      throw new InputError({
        file,
        where: `line ${line}`,
        message: `expected ${width} columns, found ${fields.length}${fields.length < width ? ' (missing columns or truncated line)' : ''}`,
      });
    }
    onRow({ fields, line });
  };
  let rest = '';
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes(file) })) {
      const s = rest + (chunk as string);
      let from = 0;
      for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
        handle(s.slice(from, nl));
        from = nl + 1;
      }
      rest = s.slice(from);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new InputError({ file, message: 'file not found' });
    if (code === 'EISDIR') throw new InputError({ file, message: 'is a directory; expected a CSV file' });
    if (code === 'EACCES' || code === 'EPERM') throw new InputError({ file, message: `cannot read: ${code}` });
    throw e;
  }
  if (rest.length > 0) handle(rest);
  if (width < 0) throw new InputError({ file, message: 'empty file (no header)' });
}

function quoted(text: string, file: string, line: number): string[] {
  try {
    const rows = parseSync(text, { relax_column_count: true, relax_quotes: false }) as string[][];
    if (rows.length !== 1) throw new Error('a quoted field spans lines');
    return rows[0]!;
  } catch (e) {
    throw new InputError({ file, where: `line ${line}`, message: `bad CSV: ${(e as Error).message}` });
  }
}

/**
 * A copy of a field that shares no memory with the chunk it was cut from. V8 represents a slice of
 * a string as a view that keeps the whole parent alive, here a 1 MiB read chunk: the 10,000
 * function hashes kept from a count file held all 31 MB of it for the length of a run. Callers
 * copy the fields they keep past the row.
 */
export function detached(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/** Column index by name, or an InputError naming the missing column. */
export function column(header: string[], name: string, file: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new InputError({ file, where: 'line 1', message: `missing column "${name}"` });
  return i;
}

const DECIMAL_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a non-negative decimal number up to `max`; empty, non-decimal (hex, "Infinity", spaces),
 * negative, non-finite or larger values are errors naming the file, line and column.
 */
export function nonNegative(s: string, file: string, line: number, what: string, max = Number.MAX_VALUE): number {
  const v = DECIMAL_RE.test(s) ? Number(s) : NaN;
  if (Number.isNaN(v)) throw new InputError({ file, where: `line ${line}`, message: `${what}: "${s}" is not a number (expected a decimal number)` });
  if (v < 0) throw new InputError({ file, where: `line ${line}`, message: `${what}: ${s} is negative` });
  if (!(v <= max)) throw new InputError({ file, where: `line ${line}`, message: `${what}: ${s} is too large (expected at most ${max})` });
  return v;
}

/**
 * A count: decimal digits only, at most `max`. The digit loop is the fast path (a day's count file
 * has 1,440 of these per function); anything else gets nonNegative's diagnosis.
 */
export function count(s: string, file: string, line: number, what: string, max = Number.MAX_SAFE_INTEGER): number {
  let v = 0;
  const n = s.length;
  let ok = n > 0 && n <= 16;
  for (let i = 0; ok && i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) ok = false;
    else v = v * 10 + d;
  }
  if (!ok) {
    const x = nonNegative(s, file, line, what, max);
    if (!Number.isInteger(x)) throw new InputError({ file, where: `line ${line}`, message: `${what}: ${s} is not an integer count` });
    throw new InputError({ file, where: `line ${line}`, message: `${what}: "${s}" is not a decimal integer count` });
  }
  if (v > max) throw new InputError({ file, where: `line ${line}`, message: `${what}: ${s} is too large (expected at most ${max})` });
  return v;
}

export function shortName(file: string): string {
  return basename(file);
}
