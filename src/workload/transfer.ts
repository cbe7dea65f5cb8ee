// A loaded trace (or one cell's subset of it) as plain data and back, so that a worker thread
// running a cell gets that cell's functions and arrival data from the thread that read the trace,
// instead of reading the whole trace again. Structured clone copies the typed arrays; every value
// (the laws' points, the counts, the recorded durations) comes back exactly.
import type { TraceTransfer, TraceWorkload } from './trace-types.ts';
import { functionSpec } from './function-data.ts';
import { minuteCountsWorkload } from './azure2019/workload.ts';
import { offsetWorkload } from './azure2021/workload.ts';

/** The workload `transfer()` described. */
export function workloadFromTransfer(t: TraceTransfer): TraceWorkload {
  const functions = t.functions.map(functionSpec);
  return t.kind === 'minute-counts' ? minuteCountsWorkload(t.counts, functions, t.report, t.mode, t.shift) : offsetWorkload(t.offsets, functions, t.report);
}
