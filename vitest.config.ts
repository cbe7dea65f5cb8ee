import { defineConfig } from 'vitest/config';

/**
 * The end-to-end set: tests that run `sim` as a user does (child processes), sweeps and figures on
 * worker threads, the fuzzing run, the benchmark smoke test, and studies or property runs that
 * simulate for seconds. Everything else is the unit set (`npm run test:unit`, well under a minute
 * on 2 cores). `npm test` runs both. A new test file is a unit test unless listed here.
 */
const E2E = [
  'test/cli/**/*.test.ts',
  'test/cells/divided-run.test.ts', // runs `sim` with worker threads and shards
  'test/bench/**/*.test.ts',
  'test/fuzz/short.test.ts',
  'test/fuzz/seeds.test.ts',
  'test/experiments/interrupt.test.ts',
  'test/experiments/sweep.test.ts',
  'test/experiments/bad-sweep.test.ts',
  'test/experiments/worker-flags.test.ts',
  'test/experiments/figures/determinism.test.ts',
  'test/experiments/figures/registry.test.ts',
  'test/experiments/report/report.test.ts',
  'test/package-api.test.ts', // packs the package and installs it into a temporary folder
  'test/python/**/*.test.ts', // the Python reader and notebooks, run by python3
  'test/docs/outputs.test.ts', // runs scenarios and a sweep to check docs/outputs.md's tables
  'test/policy/study.test.ts',
  'test/workload/synth-targets.test.ts', // generates and inspects five 10,000-function days
  'test/model/closed-form.test.ts',
  'test/model/invariants.test.ts',
  'test/scenario/estimate.test.ts',
  'test/metrics/invocation-rows/sink.test.ts', // starts the writer thread, polls until it takes over
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    // Setup hooks run whole sweeps and build the CLI bundle; vitest's default 10 s failed them on
    // a 2-core machine whose other core was busy.
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/global-temp.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
