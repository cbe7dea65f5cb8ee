// What a figure module is and what it hands back: the vega-lite spec, the table behind it, and a
// description (series and point counts) that tests and the CLI use.
import type { TopLevelSpec } from 'vega-lite';

export interface FigureOptions {
  /** Output directory; `<out>/<name>.svg` and `<out>/<name>.csv` are written there. */
  readonly out: string;
  /** Few points and short runs, so that the figure takes seconds (tests, smoke checks). */
  readonly quick: boolean;
  /** Progress lines (stderr in the CLI); never part of the output files. */
  readonly log?: (line: string) => void;
}

export type Cell = string | number;

/** A figure before it is written: the chart, the CSV table and its shape. */
export interface FigureData {
  readonly spec: TopLevelSpec;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Names of the simulated (or measured-from-trace) series, in legend order. */
  readonly series: readonly string[];
  /** Data points drawn for those series (bars, line vertices or dots). */
  readonly points: number;
  /** Reference marks drawn alongside (published numbers, labelled as such). */
  readonly referencePoints: number;
  /** How the numbers were produced, one line each, for the CLI and docs. */
  readonly notes: readonly string[];
}

/** What generating a figure returns. */
export interface FigureResult {
  readonly name: string;
  readonly title: string;
  readonly svgPath: string;
  readonly csvPath: string;
  readonly columns: readonly string[];
  readonly rows: number;
  readonly series: readonly string[];
  readonly points: number;
  readonly referencePoints: number;
  readonly notes: readonly string[];
  /** Wall-clock seconds (reported, never written into the files). */
  readonly seconds: number;
}

/** One figure: a name for the command line and a function that builds its data. */
export interface Figure {
  readonly name: string;
  readonly title: string;
  /** Set when the figure cannot be built yet; the message says what it waits for. */
  readonly unavailable?: string;
  build(opts: FigureOptions): Promise<FigureData>;
}
