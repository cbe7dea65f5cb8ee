// `sim report <run-or-sweep> [--out FILE]`: one self-contained HTML file (charts render offline)
// for a run folder or a sweep output. The chart code is loaded only by this command.
import { basename, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { InputError } from '../input/errors.ts';

interface ReportArgs {
  folder: string;
  out?: string;
  force?: boolean;
  quiet?: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <folder>',
  describe: 'write one self-contained HTML report (interactive charts, sortable tables) of a run folder or sweep output',
  builder: (y: Argv) =>
    y
      .positional('folder', { type: 'string', demandOption: true, describe: 'run folder or sweep output' })
      .option('out', { type: 'string', describe: 'HTML file to write (default: <folder name>.report.html in the current folder)' })
      .option('force', { type: 'boolean', default: false, describe: 'replace a file at --out that "sim report" did not write' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' }) as Argv<ReportArgs>,
  handler: async (args: ArgumentsCamelCase<ReportArgs>) => {
    const out = args.out ?? `${basename(resolve(args.folder))}.report.html`;
    const { reportOutProblem, writeReport } = await import('../experiments/report/out-file.ts');
    // Before any work: a refused --out costs nothing.
    const problem = reportOutProblem(out, args.force ?? false);
    if (problem) throw new InputError({ file: out, where: '--out', message: problem });
    const { buildReport } = await import('../experiments/report/build.ts');
    const html = await buildReport(args.folder);
    writeReport(out, html, args.force ?? false);
    if (!args.quiet) process.stdout.write(`report ${out} (${(html.length / 1e6).toFixed(1)} MB, opens offline)\n`);
  },
};
