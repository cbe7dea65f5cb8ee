// `sim figures [names..] [--out DIR] [--quick]`: regenerates paper-style figures (SVG + the CSV
// behind each) from simulator runs. No names: every available figure; unknown or not-yet-available
// names are bad input (exit 2), checked before anything runs.
import type { Argv, CommandModule } from 'yargs';
import { availableFigureNames, checkFigureNames, FIGURES, formatFigureResult, generateFigure } from '../experiments/figures/registry.ts';
import { DEFAULT_OUT } from '../experiments/figures/notebook.ts';

interface FiguresArgs {
  names?: string[];
  out: string;
  quick: boolean;
}

export const figuresCommand: CommandModule<object, FiguresArgs> = {
  command: 'figures [names..]',
  describe: 'regenerate paper-style figures (SVG + CSV) from simulator runs',
  builder: (y: Argv) =>
    y
      .positional('names', {
        type: 'string',
        array: true,
        describe: `figures to make (default: all available): ${FIGURES.map((f) => f.name).join(', ')}`,
      })
      .option('out', { type: 'string', default: DEFAULT_OUT, describe: 'output directory (<name>.svg and <name>.csv)' })
      .option('quick', { type: 'boolean', default: false, describe: 'few points and short runs (seconds per figure)' }) as unknown as Argv<FiguresArgs>,
  handler: async (args) => {
    const requested = args.names && args.names.length > 0 ? args.names : null;
    if (requested) checkFigureNames(requested);
    else {
      for (const f of FIGURES) if (f.unavailable !== undefined) process.stderr.write(`skipping ${f.name}: not available yet: ${f.unavailable}\n`);
    }
    for (const name of requested ?? availableFigureNames()) {
      const r = await generateFigure(name, { out: args.out, quick: args.quick, log: (line) => process.stderr.write(line + '\n') });
      process.stdout.write(formatFigureResult(r) + '\n');
    }
  },
};
