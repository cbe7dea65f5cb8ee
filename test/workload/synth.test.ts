// The synthetic Azure-like generator: deterministic per seed, its options, and its output loads
// (its statistics against the targets: synth-targets.test.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { inspectTrace } from '../../src/workload/inspect/inspect.ts';
import { synthesizeTrace } from '../../src/workload/synth/write.ts';
import { tempDir } from './helpers.ts';

const digest = (dir: string, files: string[]): string => {
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(join(dir, f)));
  return h.digest('hex');
};

describe('synthesizeTrace determinism and options', () => {
  it('same seed, same bytes; another seed differs', () => {
    const a = tempDir(), b = tempDir(), c = tempDir();
    const ra = synthesizeTrace({ out: a, functions: 60, days: 2, seed: 7 });
    synthesizeTrace({ out: b, functions: 60, days: 2, seed: 7 });
    synthesizeTrace({ out: c, functions: 60, days: 2, seed: 8 });
    expect(ra.files.length).toBe(6);
    expect(digest(a, ra.files)).toBe(digest(b, ra.files));
    expect(digest(a, ra.files)).not.toBe(digest(c, ra.files));
  });

  it('--apps fixes the number of apps and still writes exactly N functions', async () => {
    const d = tempDir();
    const r = synthesizeTrace({ out: d, functions: 120, apps: 30, days: 1, seed: 3 });
    expect([r.apps, r.functions]).toEqual([30, 120]);
    const s = (await inspectTrace(d)).stats;
    expect([s.apps, s.functions]).toEqual([30, 120]);
  });

  it('its output loads with only zero-invocation functions dropped', async () => {
    const d = tempDir();
    const r = synthesizeTrace({ out: d, functions: 200, days: 2, seed: 11 });
    const w = await loadAzure2019({ dir: d, days: [1, 2], rng: new RandomStreams(1) });
    expect(Object.keys(w.report.dropped).filter((k) => k !== 'no-invocations')).toEqual([]);
    expect(w.report.invocationsKept).toBe(r.invocations);
  });
});
