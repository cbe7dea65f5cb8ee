// `sim run <scenario.json>`: validate, simulate, write the run folder, print the summary.
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadScenarioFile } from '../scenario/load.ts';
import { checkOutDir, Interrupted, simulateInterruptible, type Progress } from '../simulate.ts';
import { watchInterrupts } from './interrupt.ts';
import { loadTraces } from '../scenario/traces.ts';
import { estimateRun } from '../scenario/estimate.ts';
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
}

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
      .option('force', {
        type: 'boolean',
        default: false,
        describe:
          'run anyway where a check would refuse: replace the files of a previous run folder that also holds other entries (those are kept); run a scenario estimated too large for this machine (memory, disk, about 5 hours of events)',
      }) as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    checkInts([['seed', args.seed, SEED]]);
    const scenario = loadScenarioFile(args.scenario, { sets: args.set ?? [], seed: args.seed });
    const outDir = args.out ?? `runs/${scenario.name}`;
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
      if (!args.force) refuseEnormous([{ label: scenario.name, estimate: estimateRun(scenario, traces) }], machineLimits(outDir), args.scenario);
      result = await simulateInterruptible(scenario, traces, { outDir, force: args.force, onProgress }, interrupts.signal);
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
