// Reads a calibration CSV shipped next to this module (never from ../shared at run time) into
// records keyed by header.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type CsvRecord = Record<string, string>;

export function readCalibrationCsv(file: string): CsvRecord[] {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as CsvRecord[];
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
