// `sim compare <runA> <runB> [...]`: every numeric summary.json metric side by side with its change
// against the first run, the functions that moved most, and --fail-if regression checks for CI
// (exit 1 when one fails; 2 for a bad folder or check).
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { compareRuns } from '../experiments/compare.ts';
import { formatChecks, formatComparison } from '../experiments/compare-format.ts';
import { evaluateCheck, FAIL_IF_GRAMMAR, parseCheck } from '../experiments/fail-if.ts';
import { readRunFolder } from '../experiments/read-run.ts';
import { checkInts } from './options.ts';
import { InputError } from '../input/errors.ts';
import { RegressionFound } from './regression.ts'; // apart, so main can name it without loading this command

interface CompareArgs {
  runs: string[];
  json?: boolean;
  failIf?: string[];
  top?: number;
  changed?: boolean;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <runs..>',
  describe: 'compare run folders: every summary metric against the first run, top movers per function, --fail-if checks',
  builder: (y: Argv) =>
    y
      .positional('runs', { type: 'string', array: true, demandOption: true, describe: 'run folders; the first is the baseline' })
      .option('json', { type: 'boolean', default: false, describe: 'print the comparison as JSON' })
      .option('fail-if', { type: 'string', array: true, describe: `exit 1 when a change crosses this (repeatable): ${FAIL_IF_GRAMMAR}` })
      .option('top', { type: 'number', default: 5, describe: 'functions listed per column of functions.csv' })
      .option('changed', { type: 'boolean', default: false, describe: 'list only the metrics that changed' }) as Argv<CompareArgs>,
  handler: (args: ArgumentsCamelCase<CompareArgs>) => {
    checkInts([['top', args.top, { min: 0, max: 1_000_000, what: 'a whole number of functions' }]]);
    const checks = (args.failIf ?? []).map(parseCheck);
    if (args.runs.length < 2)
      throw new InputError({ where: '<runs..>', message: `${args.runs.length} run folder given: expected two or more (the first is the baseline)` });
    const runs = args.runs.map((d) => readRunFolder(d));
    const c = compareRuns(runs, args.top);
    const summaries = runs.map((r) => r.summary);
    const outcomes = checks.map((k) => evaluateCheck(k, c.metrics, summaries, args.runs));
    if (args.json) {
      process.stdout.write(JSON.stringify({ ...c, checks: outcomes }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
    } else {
      process.stdout.write(formatComparison(c, { changedOnly: args.changed ?? false }) + '\n');
      if (outcomes.length) process.stdout.write('\n' + formatChecks(outcomes) + '\n');
    }
    const failed = outcomes.filter((o) => o.failed).length;
    if (failed > 0) throw new RegressionFound(`${failed} of ${outcomes.length} --fail-if check(s) failed`);
  },
};
