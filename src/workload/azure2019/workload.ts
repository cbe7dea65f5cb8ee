// A loaded 2019 trace as a TraceWorkload: the minute-major counts, the kept functions and the
// reader's report. A subset (one cell's functions) repacks the counts for those functions only.
import type { ArrivalMode, TraceFunctionSpec, TraceReport, TraceWorkload } from '../trace-types.ts';
import { subsetRemap } from '../subset.ts';
import { restrictMinuteCounts, type MinuteCounts } from './minute-counts.ts';
import { MinuteStream } from './minute-stream.ts';
import { functionData } from '../function-data.ts';

// Outside the loader: closures share their function's scope, so one made in there would keep
// everything the loader built (the count entries, up to 34 MB for a day of 10,000 functions, and
// the join maps) alive for the whole run. Likewise a subset keeps no reference to the full counts.
export function minuteCountsWorkload(
  counts: MinuteCounts,
  functions: TraceFunctionSpec[],
  report: TraceReport,
  mode: ArrivalMode,
  shift: boolean,
): TraceWorkload {
  return {
    functions,
    report,
    stream: (baseIndex, rng) => new MinuteStream(counts, functions.length, baseIndex, mode, shift, (f) => rng.stream(`arrivals/${functions[f]!.name}`)),
    transfer: () => ({ kind: 'minute-counts', functions: functions.map(functionData), report, counts, mode, shift }),
    subset: (indices) => {
      const remap = subsetRemap(indices, functions.length);
      return minuteCountsWorkload(
        restrictMinuteCounts(counts, remap),
        indices.map((i) => functions[i]!),
        report,
        mode,
        shift,
      );
    },
  };
}
