// The `sim` command line: thin yargs commands that parse, call the library and print.
// Exit codes: 0 success, 2 bad input (scenario, trace, arguments), 1 a failed `compare --fail-if`
// check or anything else (a bug).
import yargs from 'yargs';
import { InputError } from '../input/errors.ts';
// Stubs: a command's module is loaded only when the arguments name it (start-up).
import {
  compareCommand,
  figuresCommand,
  loadCommand,
  mergeCommand,
  reportCommand,
  runCommand,
  schemaCommand,
  stellarCommand,
  sweepCommand,
  traceCommand,
  validateCommand,
} from './commands.ts';
import { RegressionFound } from './regression.ts';
import { boundHeapGrowth } from '../heap-growth.ts';
import { bugReport, isViolation } from './bug-report.ts';
import { environmentProblem } from './os-errors.ts';
import { Interrupted } from '../interrupted.ts';
import { interruptExitCode } from './interrupt.ts';

/**
 * A usage problem yargs found (unknown option, missing argument). Thrown from the fail callback:
 * a callback that only records it lets yargs go on and run the command's handler, so a typo
 * like `--seeeed` ran the whole simulation before exiting 2.
 */
class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  boundHeapGrowth(); // peak memory flat in trace length (see heap-growth.ts); sweep threads share it
  try {
    await loadCommand(argv);
    await yargs(argv)
      .scriptName('sim')
      .command(runCommand)
      .command(sweepCommand)
      .command(mergeCommand)
      .command(figuresCommand)
      .command(compareCommand)
      .command(reportCommand)
      .command(schemaCommand)
      .command(validateCommand)
      .command(stellarCommand)
      .command(traceCommand)
      .demandCommand(1, 'name a command')
      .strict()
      .help()
      .version(false)
      .fail((msg, err) => {
        if (err) throw err;
        throw new UsageError(msg);
      })
      .parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\nrun "sim --help" for usage\n`);
      return 2;
    }
    if (e instanceof RegressionFound) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    if (e instanceof Interrupted) {
      process.stderr.write(`${e.message}\n`);
      return interruptExitCode(e.signalName);
    }
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.total} problem(s):\n${e.message.replace(/^/gm, '  ')}\n`);
      return 2;
    }
    if (isViolation(e)) {
      process.stderr.write(bugReport(e, argv));
      return 1;
    }
    const env = environmentProblem(e);
    if (env !== null) {
      process.stderr.write(`error: ${env}\n`);
      return 2;
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
  // A command that finished but failed its checks (trace inspect --check, validate) set exitCode.
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
