// `sim run <scenario.json>`: validate, simulate, write the run folder, print the summary.
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadScenarioFile } from '../scenario/load.ts';
import { simulate, type Progress } from '../simulate.ts';
import { formatSummary } from './report.ts';

interface RunArgs {
  scenario: string;
  out?: string;
  seed?: number;
  set?: string[];
  quiet?: boolean;
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
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' }) as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    const scenario = loadScenarioFile(args.scenario, { sets: args.set ?? [], seed: args.seed });
    const outDir = args.out ?? `runs/${scenario.name}`;
    const started = Date.now(); // wall clock for the progress display only, never the model
    let shown = false;
    const onProgress = (p: Progress) => {
      const elapsed = (Date.now() - started) / 1000;
      if (args.quiet || elapsed < 1.5) return;
      shown = true;
      const pct = Math.min(100, (100 * p.simTimeUs) / p.durationUs).toFixed(1);
      process.stderr.write(
        `\r${p.draining ? 'draining' : `${pct}%`}  sim ${(p.simTimeUs / 1e6).toFixed(0)} s  ${p.arrivals} arrivals  ${(p.events / elapsed / 1e6).toFixed(2)} M events/s   `,
      );
    };
    const result = await simulate(scenario, { outDir, onProgress });
    if (shown) process.stderr.write('\n');
    if (!args.quiet) process.stdout.write(formatSummary(result.summary, result.outDir) + '\n');
  },
};
