#!/usr/bin/env node
// `npm run bench [-- --smoke]`: runs bench/run.ts through the tsx loader.
import { register } from 'tsx/esm/api';
register();
await import('../bench/run.ts');
