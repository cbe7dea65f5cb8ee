#!/usr/bin/env node
// Entry point: registers the tsx loader so the TypeScript sources run without a build step
// (npm ci installs no build output; esbuild inside tsx needs no install script).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
