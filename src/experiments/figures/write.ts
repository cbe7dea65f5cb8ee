// Writes a figure's SVG and CSV next to each other, each through a temporary file renamed into
// place, so an interrupted run never leaves a half-written figure behind.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Cell } from './types.ts';

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function csvText(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([columns as string[], ...(rows as Cell[][])]);
}

/** Writes `<out>/<name>.svg` and `<out>/<name>.csv`; returns their paths. */
export function writeFigureFiles(
  out: string,
  name: string,
  svg: string,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
): { svgPath: string; csvPath: string } {
  mkdirSync(out, { recursive: true });
  const svgPath = join(out, `${name}.svg`);
  const csvPath = join(out, `${name}.csv`);
  writeAtomic(svgPath, svg.endsWith('\n') ? svg : svg + '\n');
  writeAtomic(csvPath, csvText(columns, rows));
  return { svgPath, csvPath };
}

/** Rounds to a few decimals so CSVs stay readable; exact inputs give exact, stable text. */
export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
