#!/usr/bin/env node
// `npm run bench [-- --smoke | --quick]`: runs bench/run.ts (as `sim` runs the CLI: a cached
// bundle). `npm run bench -- --paired <checkout> [--pairs N] [--window A-B]` runs bench/paired.ts instead.
import { importBundled } from './bundled.mjs';
await importBundled(process.argv.includes('--paired') ? 'bench/paired.ts' : 'bench/run.ts');
