// Public entry points of the Azure 2021 trace reader.
export { loadAzure2021, DEFAULT_2021_MEMORY_MIB } from './load.ts';
export { readInvocationFile, type InvocationRow } from './read.ts';
