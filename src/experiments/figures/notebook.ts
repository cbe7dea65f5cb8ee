// Entry point shared by scripts/figures/<figure>.ts: `--out DIR` (default figures/) and `--quick`, then
// one figure generated exactly as `sim figures <name>` would.
import { parseArgs } from 'node:util';
import { InputError } from '../../input/errors.ts';
import { formatFigureResult, generateFigure } from './registry.ts';

export const DEFAULT_OUT = 'figures';

export async function runNotebook(name: string, argv: readonly string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { out: { type: 'string', default: DEFAULT_OUT }, quick: { type: 'boolean', default: false } },
      strict: true,
    });
    const r = await generateFigure(name, {
      out: values.out!,
      quick: values.quick!,
      log: (line) => process.stderr.write(line + '\n'),
    });
    process.stdout.write(formatFigureResult(r) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    // parseArgs rejects unknown options with a TypeError carrying an ERR_PARSE_ARGS_* code.
    if ((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${(e as Error).message}\nusage: node --import tsx scripts/figures/${name}.ts [--out DIR] [--quick]\n`);
      return 2;
    }
    throw e;
  }
}
