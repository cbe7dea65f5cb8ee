// `sim run <scenario.json>`: validate, simulate, write the run folder, print the summary.
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadScenarioFile } from '../scenario/load.ts';
import { checkOutDir, checkShard, Interrupted, simulateInterruptible, simulatePart, type Progress } from '../simulate.ts';
import { cellCount } from '../scenario/cells.ts';
import { parseShard } from '../experiments/shard.ts';
import { InputError } from '../input/errors.ts';
import { watchInterrupts } from './interrupt.ts';
import { loadTraces } from '../scenario/traces.ts';
import { estimateRun, scaleEstimate } from '../scenario/estimate.ts';
import { shardShare } from '../cells/run-cells.ts';
import { machineLimits, refuseEnormous } from '../scenario/estimate-limits.ts';
import { formatSummary } from './report.ts';
import { clock } from '../experiments/progress.ts';
import { checkInts, SEED } from './options.ts';

interface RunArgs {
  scenario: string;
  out?: string;
  seed?: number;
  set?: string[];
  quiet?: boolean;
  force?: boolean;
  threads?: number;
  cells?: string;
}

const MAX_THREADS = 1024;

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'run a scenario and write its run folder',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario JSON file' })
      .option('out', { type: 'string', describe: 'run folder (default: runs/<scenario name>)' })
      .option('seed', { type: 'number', describe: 'override the scenario seed' })
      .option('set', { type: 'string', array: true, describe: 'override a field: path=value (repeatable)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('threads', { type: 'number', describe: 'a divided fleet (fleet.cells > 1): run its cells on this many worker threads (default 1)' })
      .option('cells', {
        type: 'string',
        describe: 'a divided fleet: run only part i of n of its cells (c % n = i - 1) into a partial run folder, for `sim merge` (parts are numbered from 1)',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe:
          'run anyway where a check would refuse: replace the files of a previous run folder that also holds other entries (those are kept); run a scenario estimated too large for this machine (memory, disk, about 5 hours of events)',
      }) as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    checkInts([
      ['seed', args.seed, SEED],
      ['threads', args.threads, { min: 1, max: MAX_THREADS, what: 'a whole number of worker threads' }],
    ]);
    if (Array.isArray(args.cells)) throw new InputError({ where: '--cells', message: `given ${args.cells.length} times: expected one i/n` });
    const shard = args.cells !== undefined ? parseShard(args.cells, '--cells') : undefined;
    const scenario = loadScenarioFile(args.scenario, { sets: args.set ?? [], seed: args.seed });
    if (shard) checkShard(cellCount(scenario), shard);
    const outDir = args.out ?? (shard ? `runs/${scenario.name}.cells-${shard.index}-of-${shard.count}` : `runs/${scenario.name}`);
    if ((args.threads ?? 1) > 1 && cellCount(scenario) === 1 && !args.quiet) {
      process.stderr.write(`note: --threads ${args.threads}: the scenario has one cell (fleet.cells), which runs on one thread\n`);
    }
    checkOutDir(outDir, args.force); // before any work: a refused --out costs nothing
    const started = Date.now(); // wall clock for the progress display only, never the model
    let shown = false;
    const onProgress = (p: Progress) => {
      const elapsed = (Date.now() - started) / 1000;
      if (args.quiet || elapsed < 1.5) return;
      shown = true;
      const frac = Math.min(1, p.simTimeUs / p.durationUs);
      // Simulated time done stands for work done: rough under a changing load, and unknown while draining.
      const eta = !p.draining && frac > 0 ? clock((1000 * elapsed * (1 - frac)) / frac) : '?';
      process.stderr.write(
        `\r${p.draining ? 'draining' : `${(100 * frac).toFixed(1)}%`}  sim ${(p.simTimeUs / 1e6).toFixed(0)} s  ${p.arrivals} arrivals  ${(p.events / elapsed / 1e6).toFixed(2)} M events/s  ETA ${eta}   `,
      );
    };
    const interrupts = watchInterrupts();
    let result;
    try {
      // Traces are read first (nothing is written yet): their sizes make the estimate.
      const traces = await loadTraces(scenario);
      if (!args.force) {
        const whole = estimateRun(scenario, traces);
        const estimate = shard ? scaleEstimate(whole, shardShare(scenario, traces, shard), `part ${shard.index}/${shard.count}`) : whole;
        refuseEnormous([{ label: scenario.name, estimate }], machineLimits(outDir), args.scenario);
      }
      const options = { outDir, force: args.force, onProgress, threads: args.threads };
      if (shard) {
        const part = await simulatePart(scenario, traces, shard, { ...options, signal: interrupts.signal });
        if (!args.quiet)
          process.stdout.write(
            `part ${shard.index}/${shard.count}: cells ${part.ran.join(', ')} of ${part.cells} -> ${part.outDir} (merge every part with \`sim merge\`)\n`,
          );
        return;
      }
      result = await simulateInterruptible(scenario, traces, options, interrupts.signal);
    } catch (e) {
      if (e instanceof Interrupted) throw new Interrupted(e.signalName, 'interrupted: no run folder written');
      throw e;
    } finally {
      interrupts.dispose();
      if (shown) process.stderr.write('\n');
    }
    if (!args.quiet) process.stdout.write(formatSummary(result.summary, result.outDir) + '\n');
  },
};
