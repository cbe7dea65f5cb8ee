// `sim trace synth` writes a seeded Azure-like trace in the 2019 layout; `sim trace inspect`
// prints any 2019-format trace's shape statistics next to the published targets.
import type { Argv, CommandModule } from 'yargs';
import { formatStats, inspectTrace } from '../workload/synth/inspect.ts';
import { synthesizeTrace } from '../workload/synth/write.ts';
import { statSync } from 'node:fs';
import { InputError } from '../scenario/errors.ts';
import { checkInts, SEED } from './options.ts';

export { inspectTrace, formatStats } from '../workload/synth/inspect.ts';
export { synthesizeTrace } from '../workload/synth/write.ts';

interface SynthArgs {
  out: string;
  functions: number;
  days: number;
  seed: number;
  apps?: number;
  force?: boolean;
}

/** 100x the 10,000-function day of scenarios/azure-day.json (~3 GB of trace a day). */
const MAX_FUNCTIONS = 1_000_000;
/** The 2019 file layout numbers days with two digits (d01..d99). */
const MAX_DAYS = 99;

const synthCommand: CommandModule<object, SynthArgs> = {
  command: 'synth',
  describe: 'write a synthetic Azure-like trace (2019 file layout)',
  builder: (y) =>
    y
      .option('out', { type: 'string', demandOption: true, describe: 'output directory' })
      .option('functions', { type: 'number', demandOption: true, describe: 'number of functions' })
      .option('days', { type: 'number', default: 1, describe: 'number of days (one file of each kind per day)' })
      .option('seed', { type: 'number', default: 1, describe: 'random seed' })
      .option('apps', { type: 'number', describe: 'number of apps (default: drawn from the published functions-per-app shape)' })
      .option('force', { type: 'boolean', default: false, describe: 'replace trace files of the same names already in --out' }) as unknown as Argv<SynthArgs>,
  handler: (args) => {
    checkInts([
      ['functions', args.functions, { min: 1, max: MAX_FUNCTIONS, what: 'a whole number of functions' }],
      ['days', args.days, { min: 1, max: MAX_DAYS, what: 'a whole number of days' }],
      ['seed', args.seed, SEED],
      ['apps', args.apps, { min: 1, max: Number.isSafeInteger(args.functions) ? Math.max(1, args.functions) : MAX_FUNCTIONS, what: 'a whole number of apps, at most --functions,' }],
    ]);
    const r = synthesizeTrace({
      out: args.out,
      functions: args.functions,
      days: args.days,
      seed: args.seed,
      force: args.force,
      ...(args.apps !== undefined ? { apps: args.apps } : {}),
    });
    process.stdout.write(`wrote ${r.files.length} files to ${r.dir}: ${r.apps} apps, ${r.functions} functions, ${r.days} day(s), ${r.invocations} invocations\n`);
  },
};

interface InspectArgs {
  dir: string;
  json?: boolean;
}

const inspectCommand: CommandModule<object, InspectArgs> = {
  command: 'inspect <dir>',
  describe: 'print the shape statistics of a 2019-format trace directory next to the published targets',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'trace directory' })
      .option('json', { type: 'boolean', default: false, describe: 'print JSON instead of a table' }) as unknown as Argv<InspectArgs>,
  handler: async (args) => {
    const st = statSync(args.dir, { throwIfNoEntry: false });
    if (!st?.isDirectory()) {
      throw new InputError({ file: args.dir, message: `${st ? 'is not a folder' : 'does not exist'}: expected a folder of 2019-format trace files (invocations_per_function_md.anon.d01.csv, ...)` });
    }
    const stats = await inspectTrace(args.dir);
    process.stdout.write((args.json ? JSON.stringify(stats, null, 2) : formatStats(stats)) + '\n');
  },
};

export const traceCommand: CommandModule = {
  command: 'trace <command>',
  describe: 'synthesize or inspect Azure-format traces',
  builder: (y: Argv) => y.command(synthCommand).command(inspectCommand).demandCommand(1, 'choose: synth or inspect'),
  handler: () => {},
};
