// Reads a calibration CSV shipped next to this module (never from ../shared at run time) into
// records keyed by header.
import { readFileSync } from 'node:fs';

export type CsvRecord = Record<string, string>;

export function readCalibrationCsv(file: string): CsvRecord[] {
  return parseCsvRecords(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'), file);
}

/**
 * One field of RFC 4180 CSV and the delimiter after it, spaces and tabs around it trimmed: a quoted
 * field ("" inside stands for ") or an unquoted one.
 */
const FIELD = /[ \t]*(?:"((?:[^"]|"")*)"|([^,"\r\n]*?))[ \t]*(,|\r?\n|$)/y;

/**
 * Records keyed by the header row, blank lines skipped: what csv-parse gives with `columns`,
 * `skip_empty_lines` and `trim` (test/calibration/csv.test.ts compares the two on every shipped
 * file). Its own parser because csv-parse took 50-190 ms to read the ~50 KB of calibration files
 * in a fresh process (start-up of every `sim run`), this sticky regular expression 1-2 ms.
 */
export function parseCsvRecords(text: string, file: string): CsvRecord[] {
  const rows: string[][] = [];
  let row: string[] = [];
  FIELD.lastIndex = 0;
  while (FIELD.lastIndex < text.length) {
    const at = FIELD.lastIndex;
    const m = FIELD.exec(text);
    if (m === null)
      throw new Error(`${file}: malformed CSV at line ${text.slice(0, at).split('\n').length} (a quote inside an unquoted field, or an unclosed quote)`);
    row.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]!);
    if (m[3] === ',') continue;
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    if (m[3] === '') break;
  }
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return body.map((r, i) => {
    if (r.length !== header.length) throw new Error(`${file}: record ${i + 1} has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, r[j]!]));
  });
}

/** A numeric field; throws with the file, row and column when it is missing or not a number. */
export function num(rec: CsvRecord, column: string, file: string): number {
  const raw = rec[column];
  const v = raw === undefined || raw === '' ? NaN : Number(raw);
  if (!Number.isFinite(v)) {
    throw new Error(`${file}: column ${column} is not a number (${JSON.stringify(raw)}) in ${JSON.stringify(rec)}`);
  }
  return v;
}

/**
 * A `parameter,value,...` calibration file as a lookup: `get(name)` is the row's numeric value;
 * throws naming the file when the parameter is missing or not a number.
 */
export function parameterTable(file: string): (parameter: string) => number {
  const rows = readCalibrationCsv(file);
  return (p: string): number => {
    const r = rows.find((x) => x.parameter === p);
    if (!r) throw new Error(`${file}: missing parameter ${p}`);
    return num(r, 'value', file);
  };
}
