#!/usr/bin/env node
// Entry point: runs the TypeScript sources as a cached esbuild bundle (bin/bundled.mjs), or
// through the tsx loader with SIM_BUNDLE=0; npm ci installs no build output, and neither needs
// an install script.
import { importBundled } from './bundled.mjs';
const { main } = await importBundled('src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
