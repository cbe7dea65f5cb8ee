// Recorder option invocationsHeader: false (a sink without a header row), so that parts of one
// table written by separate runs can be concatenated after a single header: a run's headerless
// file is its normal file without the first line, plain or gzip, native or InVitro columns, on
// the simulation thread and on the writer thread.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invocationWriterSettings } from '../../../src/metrics/invocation-rows/index.ts';
import type { RecorderOptions } from '../../../src/metrics/recorder.ts';
import { loadScenarioFile } from '../../../src/scenario/load.ts';
import { simulate } from '../../../src/simulate.ts';

// The scenario has no such field (the caller that needs it sets the Recorder option), so the
// runs here reach the option through the Recorder that simulate() builds.
const header = vi.hoisted(() => ({ on: true }));
vi.mock('../../../src/metrics/recorder.ts', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/metrics/recorder.ts')>();
  class Recorder extends m.Recorder {
    constructor(opts: RecorderOptions) {
      super({ ...opts, invocationsHeader: header.on });
    }
  }
  return { ...m, Recorder };
});

const DEFAULTS = { ...invocationWriterSettings };
afterEach(() => {
  Object.assign(invocationWriterSettings, DEFAULTS);
  header.on = true;
});

/** The invocation file of a 2-minute quickstart with cold starts (phases) and drops, decompressed. */
async function run(dir: string, sets: string[]): Promise<string> {
  const s = loadScenarioFile(join(import.meta.dirname, '../../../scenarios/quickstart.json'), {
    sets: ['duration=2m', 'coldStart.mode=reap', 'fleet.nodes[0].count=1', 'fleet.nodes[0].memory=8GiB', 'platform.maxQueueWait=300ms', ...sets],
  });
  await simulate(s, { outDir: dir });
  const name = readdirSync(dir).find((f) => f.startsWith('invocations'))!;
  const bytes = readFileSync(join(dir, name));
  return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

describe('invocationsHeader: false', () => {
  const cases = [
    { mode: 'auto', columns: 'native', compression: 'none' },
    { mode: 'auto', columns: 'native', compression: 'gzip' },
    { mode: 'auto', columns: 'invitro', compression: 'none' },
    { mode: 'auto', columns: 'invitro', compression: 'gzip' },
    { mode: 'worker', columns: 'native', compression: 'gzip' },
    { mode: 'worker', columns: 'invitro', compression: 'none' },
  ] as const;
  it.each(cases)('writes the rows without the header ($mode, $columns, $compression)', async ({ mode, columns, compression }) => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-headerless-'));
    invocationWriterSettings.mode = mode;
    const sets = [`output.invocationColumns=${columns}`, `output.compression=${compression}`];
    const full = await run(join(dir, 'full'), sets);
    header.on = false;
    const rows = await run(join(dir, 'rows'), sets);
    const lines = full.split('\n');
    expect(lines.length).toBeGreaterThan(5000);
    expect(lines[0]).toMatch(columns === 'native' ? /^id,function,/ : /^phase,instance,/);
    expect(rows).toBe(lines.slice(1).join('\n'));
  });
});
