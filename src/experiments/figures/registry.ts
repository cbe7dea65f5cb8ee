// The figures by name, and generating one: build its data, render the SVG, write SVG + CSV.
// Adding a figure = one module exporting a Figure, listed in FIGURES.
import { InputError } from '../../input/errors.ts';
import { renderSvg } from './render.ts';
import { writeFigureFiles } from './write.ts';
import type { Figure, FigureOptions, FigureResult } from './types.ts';
import { reapFunctions } from './reap-functions.ts';
import { reapConcurrency } from './reap-concurrency.ts';
import { keepaliveTradeoff } from './keepalive-tradeoff.ts';
import { traceShape } from './trace-shape.ts';
import { transferLatency } from './transfer-latency.ts';
import { workflowCost } from './workflow-cost.ts';
import { stellarCold, stellarImageSize, stellarTransfersFigure, stellarWarm } from './stellar.ts';

/** In the order `sim figures` (no names) generates them. */
export const FIGURES: readonly Figure[] = [
  reapFunctions,
  reapConcurrency,
  keepaliveTradeoff,
  traceShape,
  transferLatency,
  workflowCost,
  stellarWarm,
  stellarCold,
  stellarImageSize,
  stellarTransfersFigure,
];

export function figureNames(): string[] {
  return FIGURES.map((f) => f.name);
}

export function availableFigureNames(): string[] {
  return FIGURES.filter((f) => f.unavailable === undefined).map((f) => f.name);
}

/** The figure of that name; InputError (exit 2) for an unknown or not-yet-available name. */
export function getFigure(name: string): Figure {
  const f = FIGURES.find((x) => x.name === name);
  if (!f) throw new InputError({ file: 'figures', where: name, message: `unknown figure; known: ${figureNames().join(', ')}` });
  if (f.unavailable !== undefined) throw new InputError({ file: 'figures', where: name, message: `not available yet: ${f.unavailable}` });
  return f;
}

/** Checks every name before anything runs, so a typo fails at once with every problem listed. */
export function checkFigureNames(names: readonly string[]): void {
  const problems = names.flatMap((n) => {
    try {
      getFigure(n);
      return [];
    } catch (e) {
      if (e instanceof InputError) return [...e.problems];
      throw e;
    }
  });
  if (problems.length) throw new InputError(problems);
}

export async function generateFigure(name: string, opts: FigureOptions): Promise<FigureResult> {
  const figure = getFigure(name);
  const t0 = performance.now();
  const data = await figure.build(opts);
  const svg = await renderSvg(data.spec);
  const { svgPath, csvPath } = writeFigureFiles(opts.out, figure.name, svg, data.columns, data.rows);
  return {
    name: figure.name,
    title: figure.title,
    svgPath,
    csvPath,
    columns: data.columns,
    rows: data.rows.length,
    series: data.series,
    points: data.points,
    referencePoints: data.referencePoints,
    notes: data.notes,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** One line per figure for the terminal. */
export function formatFigureResult(r: FigureResult): string {
  const ref = r.referencePoints ? ` + ${r.referencePoints} reference` : '';
  return `${r.svgPath}  ${r.series.length} series, ${r.points} points${ref}; ${r.csvPath} (${r.rows} rows)  ${r.seconds.toFixed(1)} s`;
}
