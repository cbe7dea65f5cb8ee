// `sim` registers commands as stubs (usage and description) and loads a command's module only when
// the arguments name it: each stub must say what its module says.
import { describe, expect, it } from 'vitest';
import { LAZY_COMMANDS, loadCommand, realCommand, runCommand } from '../../src/cli/commands.ts';

describe('lazy commands', () => {
  it.each(LAZY_COMMANDS.map((c) => [String(c.command), c] as const))('%s matches its module', async (_, stub) => {
    const real = await realCommand(stub);
    expect(stub.command).toBe(real.command);
    expect(stub.describe).toBe(real.describe);
    expect(typeof real.handler).toBe('function');
  });

  it('names every command once', () => {
    const names = LAZY_COMMANDS.map((c) => String(c.command).split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('run');
  });

  it('loads the module of the first word that is not an option, and none for --help', async () => {
    await expect(loadCommand(['--help'])).resolves.toBeUndefined();
    await loadCommand(['--quiet', 'run', 'x.json']);
    // Loaded: the stub's builder now builds the real command's options.
    const seen: string[] = [];
    const y = { positional: (n: string) => (seen.push(n), y), option: (n: string) => (seen.push(n), y) };
    (runCommand.builder as (y: unknown) => unknown)(y);
    expect(seen).toContain('scenario');
    expect(seen).toContain('seed');
  });
});
