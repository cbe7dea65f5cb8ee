// The domain of every numeric scenario field and the upper bounds past which a run cannot be
// allocated or finished. docs/limits.md gives the reason for each; keep the two in step.

export const SECOND_US = 1_000_000;
export const DAY_US = 86_400 * SECOND_US;

/** Longest duration a scenario may give anywhere (run length, delay, timeout, interval, TTL). */
export const MAX_DURATION_US = 365 * DAY_US;
export const MAX_DURATION_TEXT = '365d';

/** Largest integer an event time (us) or a byte count keeps exactly. */
export const SAFE_LIMIT = Number.MAX_SAFE_INTEGER;

/** Largest standard normal draw the Box-Muller sampler can give (uniforms have 2^-32 steps). */
export const MAX_NORMAL_DRAW = Math.sqrt(-2 * Math.log(2 ** -32));

/** Lognormal sigma bound: e^(sigma * 6.66) stays finite and sigma > 10 has no physical meaning. */
export const MAX_SIGMA = 10;

/** Sizes (memory, page cache, payloads): 1 TiB. */
export const MAX_SIZE_BYTES = 2 ** 40;
export const MAX_SIZE_TEXT = '1TiB';

/** NIC bandwidth: 1 Mbps .. 10 Tbps. */
export const MIN_BANDWIDTH_BPS = 1e6;
export const MAX_BANDWIDTH_BPS = 1e13;

/** Arrival rate of one source: at most one per microsecond (arrival times are whole us). */
export const MAX_RATE_PER_S = 1e6;
/**
 * And at least one per ~32 years: a smaller rate has no arrival within the longest run (365 d),
 * and the denormal ones underflow to 0 once converted to a per-microsecond rate.
 */
export const MIN_RATE_PER_S = 1e-9;

/** Nodes in the whole fleet. */
export const MAX_NODES = 100_000;
/** Cells of a fleet (fleet.cells): each holds at least one node, so never more than MAX_NODES. */
export const MAX_CELLS = 4096;
/** Cores of one node. */
export const MAX_CORES = 4096;
/** vCPUs of one function instance. */
export const MAX_VCPUS = 1024;
/** Requests one instance serves at once (Knative's containerConcurrency maximum). */
export const MAX_CONCURRENCY = 1000;
/** Invocations of one burst. */
export const MAX_BURST_SIZE = 1_000_000;
/** Parallel invocations of one workflow stage. */
export const MAX_FANOUT = 10_000;
/** Multiplier of a trace's per-minute counts. */
export const MAX_RATE_SCALE = 1000;
/** Days of one trace replay (the longest Azure trace has 14; synthetic ones may have more). */
export const MAX_TRACE_DAYS = 366;
/** Rows of timeseries.csv: duration / output.timeseries. */
export const MAX_TIMESERIES_ROWS = 10_000_000;
/** Functions in function-timeseries.csv (output.functionTimeseries.top); with MAX_TIMESERIES_ROWS samples per function it bounds its rows. */
export const MAX_FUNCTION_TIMESERIES = 1000;
/** Bins of one hybrid-histogram keep-alive histogram (range / bin). */
export const MAX_HISTOGRAM_BINS = 10_000;

/** Trace files: invocations of one function in one minute. */
export const MAX_MINUTE_COUNT = 1_000_000;
/** Trace files: one duration, in ms (a day). */
export const MAX_TRACE_DURATION_MS = 86_400_000;
/** Trace files: a memory value, in MB (1 TiB). */
export const MAX_TRACE_MEMORY_MB = 1_048_576;
/** Trace files (2021): an end timestamp, in seconds (a year). */
export const MAX_TRACE_TIMESTAMP_S = 365 * 86_400;
