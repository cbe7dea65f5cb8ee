// Public entry points of the Azure 2019 trace reader.
export { loadAzure2019 } from './load.ts';
export { readCountFile, MINUTES_PER_DAY, type CountRow } from './counts.ts';
export { readDurationFile, durationDistribution } from './durations.ts';
export { readMemoryFile, memoryDistribution, memoryMiB } from './memory.ts';
export { availableDays, dayFiles, publishedNames } from './files.ts';
