#!/usr/bin/env node
// Entry point: runs the TypeScript sources as a cached esbuild bundle (bin/bundled.mjs), or
// through the tsx loader with SIM_BUNDLE=0; npm ci installs no build output, and neither needs
// an install script.
import { importBundled } from './bundled.mjs';
// A reader that stops early (`sim stellar --json | head`) closes the pipe: that is the reader's
// choice, not an error of ours, so stop quietly as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { main } = await importBundled('src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
