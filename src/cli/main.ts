// The `sim` command line: thin yargs commands that parse, call the library and print.
// Exit codes: 0 success, 2 bad input (scenario, trace, arguments), 1 anything else (a bug).
import yargs from 'yargs';
import { InputError } from '../scenario/errors.ts';
import { runCommand } from './run.ts';
import { schemaCommand } from './schema.ts';
import { validateCommand } from './validate.ts';
import { traceCommand } from './trace.ts';
import { mergeCommand, sweepCommand } from './sweep.ts';
import { figuresCommand } from './figures.ts';
import { boundHeapGrowth } from '../heap-growth.ts';
import { bugReport, isViolation } from './bug-report.ts';

export async function main(argv: string[]): Promise<number> {
  boundHeapGrowth(); // peak memory flat in trace length (see heap-growth.ts); sweep threads share it
  let usageError: string | null = null;
  try {
    await yargs(argv)
      .scriptName('sim')
      .command(runCommand)
      .command(sweepCommand)
      .command(mergeCommand)
      .command(figuresCommand)
      .command(schemaCommand)
      .command(validateCommand)
      .command(traceCommand)
      .demandCommand(1, 'name a command')
      .strict()
      .help()
      .version(false)
      .fail((msg, err) => {
        if (err) throw err;
        usageError = msg;
      })
      .parseAsync();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.problems.length} problem(s):\n${e.message.replace(/^/gm, '  ')}\n`);
      return 2;
    }
    if (isViolation(e)) {
      process.stderr.write(bugReport(e, argv));
      return 1;
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
  if (usageError !== null) {
    process.stderr.write(`error: ${usageError}\nrun "sim --help" for usage\n`);
    return 2;
  }
  return 0;
}
