import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // Setup hooks run whole sweeps and build the CLI bundle; vitest's default 10 s failed them on
    // a 2-core machine whose other core was busy.
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/global-temp.ts'],
  },
});
