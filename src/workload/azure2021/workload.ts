// A loaded 2021 trace as a TraceWorkload: the per-minute exact offsets (CSR), the kept functions
// and the reader's report. A subset (one cell's functions) repacks the offsets for those functions
// only; each function keeps its own `recordedUs`, which follows its own arrivals' order.
import type { TraceFunctionSpec, TraceReport, TraceWorkload } from '../trace-types.ts';
import { subsetRemap } from '../subset.ts';
import { OffsetStream, restrictMinuteOffsets, type MinuteOffsets } from './stream.ts';
import { functionData } from '../function-data.ts';

// Outside the loader: closures share their function's scope, so one made in there would keep
// everything the loader read (every invocation's start and duration) alive for the whole run.
// Likewise a subset keeps no reference to the full offsets.
export function offsetWorkload(data: MinuteOffsets, functions: TraceFunctionSpec[], report: TraceReport): TraceWorkload {
  return {
    functions,
    report,
    stream: (baseIndex) => new OffsetStream(data, functions.length, baseIndex),
    transfer: () => ({ kind: 'minute-offsets', functions: functions.map(functionData), report, offsets: data }),
    subset: (indices) => {
      const remap = subsetRemap(indices, functions.length);
      return offsetWorkload(
        restrictMinuteOffsets(data, remap),
        indices.map((i) => functions[i]!),
        report,
      );
    },
  };
}
