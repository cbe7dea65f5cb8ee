// `sim sweep <sweep.json>`: parameter sweeps on worker threads, sharded across CI jobs or batch
// arrays (merge.ts merges the shards' outputs).
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { checkInts } from './options.ts';
import { watchInterrupts } from './interrupt.ts';
import { loadSweep } from '../experiments/load-sweep.ts';
import { parseShard } from '../experiments/shard.ts';
import { runSweep } from '../experiments/sweep.ts';

interface SweepArgs {
  sweep: string;
  jobs?: number;
  shard?: string;
  out?: string;
  quiet?: boolean;
  force?: boolean;
}

/** More threads than this is a typo (each holds a run in memory). */
const MAX_JOBS = 1024;

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <sweep>',
  describe: 'run a parameter sweep (axes x seeds) on worker threads; resumable and shardable',
  builder: (y: Argv) =>
    y
      .positional('sweep', { type: 'string', demandOption: true, describe: 'sweep JSON file' })
      .option('jobs', { type: 'number', describe: 'worker threads (default: number of cores)' })
      .option('shard', { type: 'string', describe: 'run shard i of n only, e.g. 2/4 (shards are numbered from 1)' })
      .option('out', { type: 'string', describe: 'output folder (default: sweeps/<name>, or sweeps/<name>.shard-i-of-n)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar or summary line' })
      .option('force', {
        type: 'boolean',
        default: false,
        describe:
          "run anyway where a check would refuse: write into another sweep's output; replace run folders that also hold other entries (those are kept); run runs estimated too large for this machine",
      }) as Argv<SweepArgs>,
  handler: async (args: ArgumentsCamelCase<SweepArgs>) => {
    // Arguments first, so a bad one costs nothing; then the whole sweep is validated before any run.
    checkInts([['jobs', args.jobs, { min: 1, max: MAX_JOBS, what: 'a whole number of worker threads' }]]);
    const jobs = args.jobs;
    const shard = args.shard !== undefined ? parseShard(args.shard) : undefined;
    const plan = loadSweep(args.sweep);
    const out = args.out ?? (shard ? `sweeps/${plan.name}.shard-${shard.index}-of-${shard.count}` : `sweeps/${plan.name}`);
    const interrupts = watchInterrupts();
    let report;
    try {
      report = await runSweep(plan, { out, jobs, shard, force: args.force, progress: args.quiet ? null : process.stderr, signal: interrupts.signal });
    } finally {
      interrupts.dispose();
    }
    if (!args.quiet) {
      const part = shard ? `shard ${shard.index}/${shard.count}: ${report.selected} of ${report.total} runs` : `${report.total} runs`;
      process.stdout.write(`sweep ${plan.name} ${part} (${report.ran.length} run, ${report.resumed.length} resumed) -> ${report.results}\n`);
    }
  },
};
