#!/usr/bin/env node
// `npm run bench [-- --smoke]`: runs bench/run.ts (as `sim` runs the CLI: a cached bundle).
import { importBundled } from './bundled.mjs';
await importBundled('bench/run.ts');
