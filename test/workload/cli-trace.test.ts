// `sim trace synth|inspect` through yargs, as main.ts will register it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { traceCommand } from '../../src/cli/trace.ts';
import { InputError } from '../../src/input/errors.ts';
import { tempDir } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

async function run(args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  await yargs(args)
    .command(traceCommand)
    .strict()
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .parseAsync();
  return out;
}

it('synth writes the three file kinds; inspect prints the statistics next to the targets', async () => {
  const dir = join(tempDir(), 'out');
  const said = await run(['trace', 'synth', '--out', dir, '--functions', '40', '--days', '1', '--seed', '5']);
  expect(said).toMatch(/wrote 3 files/);
  for (const f of ['invocations_per_function_md.anon.d01.csv', 'function_durations_percentiles.anon.d01.csv', 'app_memory_percentiles.anon.d01.csv']) {
    expect(existsSync(join(dir, f))).toBe(true);
  }
  const table = await run(['trace', 'inspect', dir]);
  expect(table).toMatch(/apps invoked <= 1\/hour on average\s+\S+%\s+45\.0%/);
  expect(table).toMatch(/trigger http/);
  const json = JSON.parse(await run(['trace', 'inspect', dir, '--json'])) as { functions: number };
  expect(json.functions).toBe(40);
});

it('inspect of a missing directory is an InputError (exit 2)', async () => {
  await expect(run(['trace', 'inspect', '/nonexistent/trace'])).rejects.toBeInstanceOf(InputError);
});
