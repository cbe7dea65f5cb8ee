// The package entry behind `import { ... } from 'serverless-dc-sim'`: the TypeScript API in
// src/index.ts, loaded as the CLI loads its code (a cached esbuild bundle, or tsx), so a clone
// needs no build step. Types: dist/index.d.ts, made by `npm run build:types` (run by npm pack).
import { importBundled } from '../bin/bundled.mjs';

const api = await importBundled('src/index.ts');

export const { simulate, simulateResolved, validateScenario, loadScenarioFile, InputError, Interrupted, TOOL_VERSION } = api;
