// `sim trace synth` writes a seeded Azure-like trace in the 2019 layout; `sim trace inspect`
// prints a 2019-format trace's or a 2021 file's statistics next to the published targets.
import type { Argv, CommandModule } from 'yargs';
import { formatInspection, inspectionJson, inspectTrace } from '../workload/inspect/inspect.ts';
import { synthesizeTrace } from '../workload/synth/write.ts';
import { checkInts, SEED } from './options.ts';

export { inspectTrace, formatInspection } from '../workload/inspect/inspect.ts';
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
      [
        'apps',
        args.apps,
        {
          min: 1,
          max: Number.isSafeInteger(args.functions) ? Math.max(1, args.functions) : MAX_FUNCTIONS,
          what: 'a whole number of apps, at most --functions,',
        },
      ],
    ]);
    const r = synthesizeTrace({
      out: args.out,
      functions: args.functions,
      days: args.days,
      seed: args.seed,
      force: args.force,
      ...(args.apps !== undefined ? { apps: args.apps } : {}),
    });
    process.stdout.write(
      `wrote ${r.files.length} files to ${r.dir}: ${r.apps} apps, ${r.functions} functions, ${r.days} day(s), ${r.invocations} invocations\n`,
    );
  },
};

interface InspectArgs {
  path: string;
  json?: boolean;
  check?: boolean;
}

const inspectCommand: CommandModule<object, InspectArgs> = {
  command: 'inspect <path>',
  describe: "print a trace's statistics next to the published targets, with a pass/fail mark (a folder: 2019 layout; a file: 2021 per-invocation CSV)",
  builder: (y) =>
    y
      .positional('path', { type: 'string', demandOption: true, describe: 'a 2019-format trace folder or a 2021 per-invocation CSV file' })
      .option('json', { type: 'boolean', default: false, describe: 'print JSON instead of a table' })
      .option('check', { type: 'boolean', default: false, describe: 'exit 1 when a measurable target is missed' }) as unknown as Argv<InspectArgs>,
  handler: async (args) => {
    const r = await inspectTrace(args.path);
    process.stdout.write((args.json ? JSON.stringify(inspectionJson(r), null, 2) : formatInspection(r)) + '\n');
    if (args.check && r.missed > 0) process.exitCode = 1;
  },
};

export const traceCommand: CommandModule = {
  command: 'trace <command>',
  describe: 'synthesize or inspect Azure-format traces',
  builder: (y: Argv) => y.command(synthCommand).command(inspectCommand).demandCommand(1, 'choose: synth or inspect'),
  handler: () => {},
};
