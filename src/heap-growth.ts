// Bounds how far V8 lets the heap grow past its live size between full collections. A replay's
// live heap is flat (~160 MB through a day of the 10k-function trace when this was measured; ~60-140
// MB since the trace loaders stopped keeping their inputs alive), but when collections are
// cheap next to the program (mutator utilisation 0.999 here) V8 sets the next limit at up to 4x
// the live size, so a day's run peaked at 862 MiB RSS while an hour's never got that far. With
// the factor at 1.25 the day peaked at 404 MiB, for 19 full collections instead of 16 (each
// ~0.3 s, mostly incremental), well under 1% of its 12 minutes.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 25;

/** Applies the cap to this process and its worker threads (V8 reads it at each new limit). */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
