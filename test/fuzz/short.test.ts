// The short fuzzing run of `npm test`: a fixed seed, a few hundred mutated scenarios, traces,
// sweeps and argument vectors, each run through the CLI (pooled workers, every tenth case as a real
// child process) and checked by fuzz/oracle.ts. A failure lists each failing case with its
// mutation and the command to rerun it. `npm run fuzz` is the long run (docs/fuzzing.md).
// FUZZ_SEED, FUZZ_CASES, FUZZ_FAMILIES (comma-separated) and FUZZ_TOLERATE (defect classes to
// report but not fail on, e.g. while known fixes are pending) change it without editing the file.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseArbitrary, withSpawn, type Family } from '../../fuzz/cases.ts';
import { describeFailure, runCases } from '../../fuzz/harness.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CASES = Number(process.env.FUZZ_CASES ?? 200);
const FAMILIES = process.env.FUZZ_FAMILIES ? (process.env.FUZZ_FAMILIES.split(',') as Family[]) : undefined;
const TOLERATE = new Set((process.env.FUZZ_TOLERATE ?? '').split(',').filter(Boolean));

describe('fuzz (short run)', () => {
  it(
    `seed ${SEED}, ${CASES} cases: exit 0 or 2, no stack trace, no hang, nothing left after exit 2, nothing destroyed, no null/NaN`,
    { timeout: 600_000 },
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'fuzz-short-'));
      try {
        const cases = fc
          .sample(caseArbitrary({ families: FAMILIES }), { seed: SEED, numRuns: CASES })
          .map((c, index) => ({ index, c: withSpawn(c, index, 0.1) }));
        const results = await runCases(cases, { root, workers: 2, timeoutMs: 20_000 });
        const failing = results.filter((r) => r.violations.some((v) => !TOLERATE.has(v.cls)));
        const report = failing.slice(0, 25).map(describeFailure).join('\n') + (failing.length > 25 ? `\n... and ${failing.length - 25} more` : '');
        expect(
          failing.length,
          `${failing.length} of ${CASES} cases fail (seed ${SEED}; rerun one with npm run fuzz -- --seed ${SEED} --only <case>):\n${report}`,
        ).toBe(0);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );
});
