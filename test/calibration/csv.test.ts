// The calibration files' own CSV reader must read every shipped file as csv-parse does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/calibration/csv.ts';

const DIR = join(import.meta.dirname, '../../src/calibration');

describe('parseCsvRecords', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.csv'));
  it.each(files)('reads %s as csv-parse does', (f) => {
    const text = readFileSync(join(DIR, f), 'utf8');
    expect(parseCsvRecords(text, f)).toEqual(parse(text, { columns: true, skip_empty_lines: true, trim: true }));
  });

  it('handles quotes, escaped quotes, CRLF, blank lines and trimming', () => {
    const text = 'a, b ,c\n\n"x, y","say ""hi""",\n1 , 2,3';
    const crlf = text.replaceAll('\n', '\r\n');
    for (const t of [text, crlf]) expect(parseCsvRecords(t, 't.csv')).toEqual(parse(t, { columns: true, skip_empty_lines: true, trim: true }));
    expect(parseCsvRecords(crlf, 't.csv')).toEqual([
      { a: 'x, y', b: 'say "hi"', c: '' },
      { a: '1', b: '2', c: '3' },
    ]);
  });

  it('names the file on a malformed record', () => {
    expect(() => parseCsvRecords('a,b\n1\n', 'bad.csv')).toThrow(/bad\.csv: record 1 has 1 fields/);
    expect(() => parseCsvRecords('a,b\n"1,2\n', 'bad.csv')).toThrow(/bad\.csv: malformed CSV at line 2/);
  });
});
