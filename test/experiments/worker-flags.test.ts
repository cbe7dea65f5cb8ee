// Sweep worker threads start whatever flags the user gave node: V8 flags (Node refuses them in a
// thread's execArgv; they are process-wide anyway) are not passed on (found by the fuzzing suite:
// `node --max-old-space-size=... bin/sim.mjs sweep` failed with ERR_WORKER_INVALID_EXEC_ARGV).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, SIM_ENTRY, SWEEP, tmp, writeSweep } from './fixtures.ts';

afterAll(cleanup);

describe('sweep worker threads', () => {
  it('start under node --max-old-space-size and --stack-trace-limit', () => {
    const file = writeSweep({ ...SWEEP, axes: { 'policies.keepAlive': ['none', 'fixed(ttl=5s)'] }, seeds: [1] });
    const out = join(tmp(), 'out');
    const root = join(import.meta.dirname, '../..');
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=1024', '--stack-trace-limit=30', '--no-warnings', join(root, SIM_ENTRY), 'sweep', file, '--jobs', '2', '--out', out, '--quiet'],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'results.csv'))).toBe(true);
  });
});
