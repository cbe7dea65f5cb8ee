// output.invocations as a fraction: a deterministic sample of rows by invocation id.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';

const QUICKSTART = join(import.meta.dirname, '../../scenarios/quickstart.json');

async function ids(fraction: string, dir: string): Promise<number[]> {
  const s = loadScenarioFile(QUICKSTART, { sets: ['duration=2m', `output.invocations=${fraction}`] });
  const r = await simulate(s, { outDir: dir });
  const lines = readFileSync(join(dir, 'invocations.csv'), 'utf8').trim().split('\n').slice(1);
  expect((r.summary.invocations as { arrivals: number }).arrivals).toBeGreaterThan(5000);
  return lines.map((l) => Number(l.split(',')[0]));
}

describe('sampled invocations.csv', () => {
  it('writes about the asked fraction, the same rows every time, a subset of the full file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-sample-'));
    const all = await ids('true', join(dir, 'all'));
    const a = await ids('0.2', join(dir, 'a'));
    const b = await ids('0.2', join(dir, 'b'));
    expect(a).toEqual(b);
    expect(Math.abs(a.length / all.length - 0.2)).toBeLessThan(0.02);
    const full = new Set(all);
    for (const id of a) expect(full.has(id)).toBe(true);
  });
});
