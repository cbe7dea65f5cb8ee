// `sim merge <dirs...> --out DIR`: joins the parts of sharded work into what one unsharded command
// would have written: sweep shards (results.csv) or the partial run folders of a divided fleet's
// `sim run --cells i/n` (the run folder, byte-identical to a `--threads` run; docs/scale.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { mergeOutputs } from '../experiments/merge.ts';
import { InputError } from '../input/errors.ts';
import { mergeRunParts } from '../simulate.ts';
import { CELLS_MANIFEST } from '../cells/partial.ts';
import { formatSummary } from './report.ts';

interface MergeArgs {
  dirs: string[];
  out: string;
  quiet?: boolean;
  force?: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'merge sharded sweep outputs, or the partial run folders of `sim run --cells i/n`, into one (identical to an unsharded sweep or run)',
  builder: (y: Argv) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'shard output folders, or partial run folders' })
      .option('out', { type: 'string', demandOption: true, describe: 'merged output folder' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'partial run folders: replace the files of a previous run folder that also holds other entries (those are kept)',
      }) as Argv<MergeArgs>,
  handler: (args: ArgumentsCamelCase<MergeArgs>) => {
    const missing = args.dirs.filter((d) => !existsSync(d));
    if (missing.length) throw new InputError(missing.map((d) => ({ file: d, message: 'no such folder' })));
    const parts = args.dirs.filter((d) => existsSync(join(d, CELLS_MANIFEST)));
    if (parts.length > 0 && parts.length < args.dirs.length) {
      const other = args.dirs.find((d) => !parts.includes(d))!;
      throw new InputError({
        file: other,
        message: `not a partial run folder (no ${CELLS_MANIFEST}), unlike ${parts[0]}: merge the parts of one run, or the shards of one sweep`,
      });
    }
    if (parts.length > 0) {
      const r = mergeRunParts(args.dirs, args.out, args.force);
      if (!args.quiet) process.stdout.write(formatSummary(r.summary, r.outDir) + '\n');
      return;
    }
    const report = mergeOutputs(args.dirs, args.out);
    if (!args.quiet) process.stdout.write(`merged ${report.inputs} output(s), ${report.runs} runs -> ${report.results}\n`);
  },
};
