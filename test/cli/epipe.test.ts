// A reader that closes the pipe early (`sim stellar --json | head -1`) ends the command quietly
// with exit code 0, as other command-line tools do, instead of an unhandled EPIPE stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIM = join(import.meta.dirname, '../../bin/sim.mjs');

describe('a closed output pipe', () => {
  it('ends sim quietly with exit code 0', async () => {
    const child = spawn(process.execPath, [SIM, 'stellar', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy()); // read one chunk, then close, as head does
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
