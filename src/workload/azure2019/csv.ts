// Streaming CSV rows with their line numbers, and strict field parsing that reports
// the file and line of a bad value as an InputError (exit code 2).
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import { InputError } from '../../scenario/errors.ts';

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
export async function readCsv(
  file: string,
  onHeader: (header: string[]) => void,
  onRow: (row: CsvRow) => void,
): Promise<void> {
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
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const s = rest + (chunk as string);
      let from = 0;
      for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
        handle(s.slice(from, nl));
        from = nl + 1;
      }
      rest = s.slice(from);
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new InputError({ file, message: 'file not found' });
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

/** Parses a non-negative number; empty, non-numeric, negative or non-finite values are errors. */
export function nonNegative(s: string, file: string, line: number, what: string): number {
  const v = s.length === 0 ? NaN : Number(s);
  if (!Number.isFinite(v)) throw new InputError({ file, where: `line ${line}`, message: `${what}: "${s}" is not a number` });
  if (v < 0) throw new InputError({ file, where: `line ${line}`, message: `${what}: ${s} is negative` });
  return v;
}

/** Like nonNegative, but must be an integer (invocation counts). */
export function count(s: string, file: string, line: number, what: string): number {
  const v = nonNegative(s, file, line, what);
  if (!Number.isInteger(v)) throw new InputError({ file, where: `line ${line}`, message: `${what}: ${s} is not an integer count` });
  return v;
}

export function shortName(file: string): string {
  return basename(file);
}
