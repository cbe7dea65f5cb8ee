#!/usr/bin/env node
// `npm run bench [-- --smoke | --quick]`: runs bench/run.ts (as `sim` runs the CLI: a cached
// bundle). `npm run bench -- --paired <checkout> [--pairs N] [--window A-B]` runs bench/paired.ts instead,
// and `npm run bench -- --cells [--smoke] [--only=scaling|shards]` bench/cells.ts (divided fleets).
import { importBundled } from './bundled.mjs';
const argv = process.argv;
await importBundled(argv.includes('--paired') ? 'bench/paired.ts' : argv.includes('--cells') ? 'bench/cells.ts' : 'bench/run.ts');
