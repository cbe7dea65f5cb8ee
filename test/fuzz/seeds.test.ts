// The fuzzer's seed inputs must be valid and clean on their own, or every mutation of them would
// report the seed's problem instead of the mutation's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, runCases } from '../../fuzz/harness.ts';
import { seedCases } from '../../fuzz/cases.ts';

describe('fuzz seeds', () => {
  it('each unmutated seed (scenarios, traces, sweeps) exits 0 with no violation', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fuzz-seeds-'));
    try {
      const cases = seedCases().map((c, index) => ({ index, c }));
      const results = await runCases(cases, { root, workers: 2, timeoutMs: 30_000 });
      const bad = results.filter((r) => r.violations.length > 0 || r.outcome.code !== 0);
      expect(bad.map((r) => `${describeFailure(r)}\n  exit ${r.outcome.code}: ${r.outcome.stderr.slice(0, 500)}`)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
