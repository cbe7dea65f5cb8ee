// The scenario file format (version 1), as a zod schema. Every field has a default where a
// sensible one exists; unknown fields are errors. Quantities stay as the user wrote them ("10m")
// so the resolved scenario reads like the input; they are converted when the simulation is built.
import * as z from 'zod'; // a namespace import lets the bundle leave out what is not used (zod's ~40 locales: 370 kB)
import { parseBandwidth, parseDuration, parseRate, parseSize, type Quantity } from '../engine/units.ts';
import * as L from '../input/limits.ts';
import { PROVIDER_NAMES } from './provider-names.ts';

/** Where a converted quantity must lie, in base units, and the same in words for messages. */
interface Domain {
  readonly gt?: number;
  readonly ge?: number;
  readonly le: number;
  readonly text: string;
}

function inDomain(x: number, d: Domain): boolean {
  return (d.gt === undefined || x > d.gt) && (d.ge === undefined || x >= d.ge) && x <= d.le;
}

function quantity(parser: (v: Quantity) => number, kind: string, what: string, example: string, domain: Domain) {
  return z
    .union([z.number(), z.string()])
    .superRefine((v, ctx) => {
      let x: number;
      try {
        x = parser(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return;
      }
      if (!inDomain(x, domain)) ctx.addIssue({ code: 'custom', message: `expected a ${kind} ${domain.text}, got ${JSON.stringify(v)}` });
    })
    .describe(`${what}: a number in base units or a string with a unit, e.g. "${example}"; domain: ${domain.text}`);
}

const MAX_D = { le: L.MAX_DURATION_US, text: `<= ${L.MAX_DURATION_TEXT}` };
/** A duration > 0 (intervals, run length, timeouts a model divides by or waits for). */
const PositiveDuration = quantity(parseDuration, 'duration', 'duration (plain numbers are seconds)', '250ms', {
  gt: 0,
  le: MAX_D.le,
  text: `> 0 and ${MAX_D.text}`,
});
/** A duration >= 0 (offsets, start times, execution and delay values). */
export const Duration = quantity(parseDuration, 'duration', 'duration (plain numbers are seconds)', '250ms', {
  ge: 0,
  le: MAX_D.le,
  text: `>= 0 and ${MAX_D.text}`,
});
const SIZE_LE = `<= ${L.MAX_SIZE_TEXT}`;
const PositiveSize = quantity(parseSize, 'size', 'size (plain numbers are bytes)', '256MiB', {
  gt: 0,
  le: L.MAX_SIZE_BYTES,
  text: `> 0 and ${SIZE_LE}`,
});
export const Size = quantity(parseSize, 'size', 'size (plain numbers are bytes)', '256MiB', {
  ge: 0,
  le: L.MAX_SIZE_BYTES,
  text: `>= 0 and ${SIZE_LE}`,
});
export const Bandwidth = quantity(parseBandwidth, 'bandwidth', 'bandwidth (plain numbers are bit/s)', '10Gbps', {
  ge: L.MIN_BANDWIDTH_BPS,
  le: L.MAX_BANDWIDTH_BPS,
  text: '>= 1Mbps and <= 10Tbps',
});
export const Rate = quantity(parseRate, 'rate', 'rate (plain numbers are per second)', '5/s', {
  ge: L.MIN_RATE_PER_S,
  le: L.MAX_RATE_PER_S,
  text: '>= 0.000000001/s and <= 1000000/s',
});
const Sigma = z.number().min(0).max(L.MAX_SIGMA).describe(`log-space standard deviation, 0 to ${L.MAX_SIGMA}`);

export const DistributionSpec = z
  .union([
    Duration,
    z.strictObject({ constant: Duration }),
    z.strictObject({ exponential: z.strictObject({ mean: PositiveDuration }) }),
    z.strictObject({ lognormal: z.strictObject({ median: PositiveDuration, sigma: Sigma }) }),
    z.strictObject({ uniform: z.strictObject({ min: Duration, max: Duration }) }),
    z.strictObject({
      empirical: z
        .array(z.tuple([z.number().min(0).max(100), Duration]))
        .min(2)
        .describe('[percentile, value] points from percentile 0 to 100'),
    }),
  ])
  .describe('a time distribution: "100ms" (constant), {constant}, {exponential}, {lognormal}, {uniform} or {empirical}');

export const NodeGroup = z.strictObject({
  count: z.number().int().min(1).max(L.MAX_NODES).default(1).describe(`nodes in the group (the whole fleet: at most ${L.MAX_NODES})`),
  cores: z.number().int().min(1).max(L.MAX_CORES),
  memory: PositiveSize,
  disk: z.string().default('ssd-sata-2020'),
  nic: Bandwidth.default('10Gbps'),
  pageCache: Size.default('16GiB').describe('host page cache (bounded, LRU) for snapshot files'),
});

const NAME_RE = /^[A-Za-z0-9_.\-/:]+$/;
/**
 * A name that becomes a folder name (`runs/<name>`): no path separator, no `.` or `..`, no
 * leading dot or dash, and short enough for every file system with our temporary suffixes.
 */
export const FOLDER_NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
export const FOLDER_NAME_HINT = 'a folder name: 1-100 letters, digits, _ . -, not starting with . or -';

export const FunctionDef = z.strictObject({
  name: z.string().regex(NAME_RE, 'names use letters, digits and _ . - / :'),
  profile: z.string().optional().describe('calibrated profile, e.g. "reap/helloworld"'),
  app: z.string().optional().describe('application the function belongs to (default: its name)'),
  memory: PositiveSize.optional().describe("guest memory; default 256MiB or the profile's"),
  vcpus: z.number().positive().max(L.MAX_VCPUS).default(1),
  concurrency: z.number().int().min(1).max(L.MAX_CONCURRENCY).default(1).describe('requests one instance serves at once'),
  execution: DistributionSpec.optional().describe('warm execution time; required unless a profile gives it'),
  coldStart: DistributionSpec.optional().describe('fixed cold-start delay overriding the start path'),
  cell: z
    .number()
    .int()
    .min(0)
    .max(L.MAX_CELLS - 1)
    .optional()
    .describe("cell (0-based) of the function's application when fleet.cells > 1; default: a hash of the application name"),
});

const Window = {
  start: Duration.default(0).describe('first arrival not before this time'),
  end: Duration.optional().describe('no arrivals from this time on (default: the run duration)'),
};

const Target = {
  function: z.string().optional().describe('the function invoked (or give workflow)'),
  workflow: z.string().optional().describe('the workflow started (or give function)'),
};

export const PoissonSource = z.strictObject({
  poisson: z.strictObject({ ...Target, rate: Rate, ...Window }),
});
export const FixedSource = z.strictObject({
  fixed: z.strictObject({ ...Target, interval: PositiveDuration, offset: Duration.default(0), ...Window }),
});
export const BurstSource = z.strictObject({
  burst: z.strictObject({
    ...Target,
    size: z.number().int().min(1).max(L.MAX_BURST_SIZE),
    every: PositiveDuration,
    offset: Duration.default(0),
    ...Window,
  }),
});

const Sample = z
  .union([
    z.strictObject({ random: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
    z.strictObject({ representative: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
    z.strictObject({ top: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
    z.strictObject({ all: z.literal(true) }),
  ])
  .describe('which functions to replay: {random: N}, {representative: N} (equal draws from popularity quartiles), {top: K}, {all: true}');

const TraceCommon = {
  windowMinutes: z
    .tuple([
      z
        .number()
        .int()
        .min(0)
        .max(L.MAX_TRACE_DAYS * 1440 - 1),
      z
        .number()
        .int()
        .min(1)
        .max(L.MAX_TRACE_DAYS * 1440),
    ])
    .optional()
    .describe('[start, end) minutes of the trace to replay; the run starts at start; start must lie inside the trace'),
  sample: Sample.optional(),
  rateScale: z
    .number()
    .positive()
    .max(L.MAX_RATE_SCALE)
    .default(1)
    .describe(`multiplies every per-minute count (stochastic rounding); > 0 and <= ${L.MAX_RATE_SCALE}`),
  profile: z.string().optional().describe('calibrated profile giving the snapshot shape of the replayed functions'),
  vcpus: z.number().positive().max(L.MAX_VCPUS).default(1),
  concurrency: z.number().int().min(1).max(L.MAX_CONCURRENCY).default(1),
};

export const Azure2019Source = z.strictObject({
  azure2019: z.strictObject({
    dir: z.string().describe('folder with the 2019 trace files (relative to the working directory)'),
    days: z.array(z.number().int().min(1).max(L.MAX_TRACE_DAYS)).min(1).max(L.MAX_TRACE_DAYS).default([1]),
    arrivals: z
      .enum(['exponential', 'uniform', 'equidistant', 'faascache'])
      .default('exponential')
      .describe("placement of a minute's arrivals (see docs/traces.md)"),
    shift: z.boolean().default(true).describe("rotate each minute's arrivals by a random offset (vHive ShiftIAT)"),
    memory: z.enum(['share', 'app']).default('share').describe("'share': app memory / the app's functions (FaasCache)"),
    ...TraceCommon,
  }),
});

export const Azure2021Source = z.strictObject({
  azure2021: z.strictObject({
    file: z.string().describe('the 2021 per-invocation trace CSV (relative to the working directory)'),
    memoryMiB: z
      .number()
      .positive()
      .max(L.MAX_SIZE_BYTES / 2 ** 20)
      .optional()
      .describe(
        'a constant memory per function (200 is a common convention); default: each app draws from the 2019 app-memory law (the 2021 trace has no memory column)',
      ),
    memory: z
      .enum(['share', 'app'])
      .default('share')
      .describe("with the drawn app memory: 'share' splits it among the app's functions, 'app' gives each the whole"),
    durations: z
      .enum(['replay', 'redraw'])
      .default('replay')
      .describe("'replay': each invocation's recorded duration; 'redraw': draws from the function's 7-point law of its recorded durations"),
    ...TraceCommon,
  }),
});

export const WorkloadSource = z.union([PoissonSource, FixedSource, BurstSource, Azure2019Source, Azure2021Source]);

export const PayloadSpec = z
  .union([
    Size,
    z.strictObject({ lognormal: z.strictObject({ median: PositiveSize, sigma: Sigma }) }),
    z.strictObject({ uniform: z.strictObject({ min: Size, max: Size }) }),
  ])
  .describe('payload size: "2MB" (constant), {lognormal: {median, sigma}} or {uniform: {min, max}}');

export const Stage = z.strictObject({
  name: z.string().regex(NAME_RE),
  function: z.string(),
  fanout: z.number().int().min(1).max(L.MAX_FANOUT).default(1).describe('parallel invocations of this stage per run'),
  after: z.array(z.string()).default([]).describe('stages whose outputs this stage takes (listed earlier)'),
  pattern: z
    .enum(['pipeline', 'scatter', 'broadcast', 'gather'])
    .default('pipeline')
    .describe('pipeline 1-1, scatter 1-N distinct objects, broadcast 1-N one object, gather N-1'),
  payload: PayloadSpec.default('1KB').describe('size of each object a predecessor sends to this stage'),
});

export const Workflow = z.strictObject({
  name: z.string().regex(NAME_RE),
  stages: z.array(Stage).min(1),
});

export const Transfers = z.strictObject({
  method: z.enum(['inline', 's3', 'elasticache', 'xdt']).default('s3').describe('how workflow stages pass data'),
  provider: z
    .enum(['aws-lambda-2021', 'google-cloud-functions-2021', 'vhive-knative'])
    .default('aws-lambda-2021')
    .describe('front-end preset: inline size limit, invoke hop'),
  xdtTimeout: PositiveDuration.default('10m').describe('XDT buffers expire this long after they are filled'),
  xdtExpired: z.enum(['fail', 's3']).default('fail').describe('an expired XDT buffer fails the receiver, or is read from its S3 spill'),
});

export const Policies = z.strictObject({
  placement: z.string().default('least-loaded'),
  autoscaler: z.string().default('per-request'),
  keepAlive: z.string().default('fixed(ttl=10m)'),
});

export const ColdStart = z.strictObject({
  mode: z
    .enum(['delay', 'boot', 'vanilla', 'reap'])
    .default('delay')
    .describe(
      'delay: a drawn delay; boot: VM boot from scratch; vanilla: Firecracker snapshot restore with lazy page faults; reap: REAP record on the first cold start, prefetch afterwards',
    ),
  delay: DistributionSpec.default({ uniform: { min: '700ms', max: '1300ms' } }).describe(
    'cold-start delay in "delay" mode (default: Firecracker boot inside containerd, REAP section 2.2)',
  ),
  flushPageCache: z.boolean().default(false).describe("drop the node's page cache before every cold start (the REAP paper's method)"),
  snapshotLocation: z.enum(['local', 'remote']).default('local').describe("snapshots on each node's disk, or in a remote store behind the NIC"),
  wsFileIo: z.enum(['direct', 'page-cache']).default('direct').describe('REAP reads the working-set file with O_DIRECT (paper) or through the page cache'),
  preRecorded: z.boolean().default(false).describe('treat every function as already recorded (REAP prefetch from the first cold start)'),
  fallbackProfile: z.string().default('reap/helloworld').describe('snapshot shape for functions without a reap/ profile'),
  // Contention between concurrent cold starts on a host (issue 18); keep these together. Optional
  // (defaults applied in build.ts) so that resolved scenarios that do not use them are unchanged.
  snapshotCopies: z
    .enum(['shared', 'per-instance'])
    .optional()
    .describe(
      'restores of a function on a node read one snapshot file, sharing the page cache and in-flight reads (shared, the default), or each its own copy (per-instance)',
    ),
  controlPath: z
    .enum(['none', 'vhive-2024'])
    .optional()
    .describe(
      'host-wide serialised control-path steps: none (the default, REAP-era vHive v1.0) or vhive-2024 (devmapper snapshot creation under one lock per host, network configs from a pool of 10)',
    ),
  readAround: z
    .enum(['none', 'kernel'])
    .optional()
    .describe(
      "vanilla faults on working-set pages: each miss reads its run (none, the default, what the REAP paper's single-start figures imply) or Linux's 128 KiB read-around window with its mmap_miss limit (kernel); docs/calibration.md §3a",
    ),
});

export const Platform = z.strictObject({
  maxQueueWait: Duration.default('30s').describe('longest wait for an instance slot before a request is dropped'),
  cpu: z.enum(['processor-sharing', 'none']).default('processor-sharing').describe('CPU contention: processor sharing when busy vCPUs exceed cores, or none'),
  // Provider presets (docs/providers.md): a preset fills the fields below, and others, where the
  // scenario leaves them out; each is an ordinary setting. Absent fields keep the plain platform.
  provider: z.enum(PROVIDER_NAMES).optional().describe('provider preset: fills every setting it names that the scenario leaves out (none: the plain platform)'),
  coldBinding: z
    .enum(['first-free', 'bound'])
    .optional()
    .describe(
      'a request that waits for an instance start: takes the first slot that frees (Knative activator; default) or is bound to the instance started for it (Lambda)',
    ),
  propagation: Duration.optional().describe('client-to-front-end round trip added to every request of a workload source (default 0)'),
  frontEnd: DistributionSpec.optional().describe('per-request front-end overhead of every request of a workload source, before routing (default none)'),
  instanceParallelism: z
    .number()
    .int()
    .min(1)
    .max(L.MAX_CONCURRENCY)
    .optional()
    .describe('requests an instance executes at once; the rest of its `concurrency` slots queue at the instance (default: all slots execute)'),
  maxScaleOutRate: Rate.optional().describe('most instances started per second per function, or per app with scaleOutUnit=app (default: no limit)'),
  scaleOutUnit: z
    .enum(['function', 'app'])
    .optional()
    .describe("what maxScaleOutRate limits: each function's starts (default) or the starts of all functions of one app (Azure Functions)"),
  reportColdWaits: z.boolean().optional().describe('summary.json also counts requests that waited for any instance start (coldStarts.waitedForStart)'),
});

/** The cold-start mechanism of a provider preset: fetch the package or image, start the runtime. */
export const Deployment = z.strictObject({
  runtime: z.enum(['python', 'go', 'node', 'java']).default('python'),
  packaging: z.enum(['zip', 'image']).default('zip'),
  size: Size.default(0).describe('bytes fetched from the store at a cold start beyond the hello-world baseline inside runtimeStart'),
  storeBandwidth: Bandwidth.describe("throughput of the fetch from the provider's store"),
  fetchSigma: Sigma.default(0).describe('log-normal sigma of a per-fetch throughput factor (median 1)'),
  runtimeStart: DistributionSpec.optional().describe('runtime start (and hello-world package) time; a preset fills it for its runtime and packaging'),
});

export const Cost = z.strictObject({
  perRequestUSD: z.number().min(0).max(1e6).default(0.0000002).describe('AWS Lambda: $0.20 per million requests'),
  perGBsUSD: z.number().min(0).max(1e6).default(0.0000166667).describe('AWS Lambda: $0.0000166667 per GB-s'),
  nodeHourUSD: z.number().min(0).max(1e6).default(0).describe('provider cost of a worker node-hour'),
});

export const Output = z.strictObject({
  invocations: z
    .union([z.boolean(), z.number().gt(0).max(1)])
    .default(true)
    .describe('write invocations.csv: true (every invocation), false, or a fraction (a deterministic sample by invocation id)'),
  timeseries: PositiveDuration.default('10s').describe(`time-series sampling interval; duration / timeseries must be <= ${L.MAX_TIMESERIES_ROWS} rows`),
  functionTimeseries: z
    .strictObject({
      functions: z.array(z.string()).default([]).describe('functions to sample, by name'),
      top: z.number().int().min(0).max(L.MAX_FUNCTION_TIMESERIES).default(0).describe('also the k functions with the most expected arrivals'),
    })
    .optional()
    .describe('write function-timeseries.csv: per chosen function, instances by state, waiting requests and per-interval counts, at the timeseries interval'),
  invocationColumns: z
    .enum(['native', 'invitro'])
    .optional()
    .describe(
      "'invitro': write invocations-invitro.csv, in the columns of InVitro's per-invocation ExecutionRecord, instead of invocations.csv; default native",
    ),
  compression: z
    .enum(['none', 'gzip'])
    .optional()
    .describe(
      "'gzip': invocations.csv (or invocations-invitro.csv) and function-timeseries.csv are written as .csv.gz, compressed while the run writes them (same bytes for the same scenario and seed); default none",
    ),
});

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  name: z.string().regex(FOLDER_NAME_RE, FOLDER_NAME_HINT).default('scenario').describe('run name; the default run folder is runs/<name>'),
  description: z.string().optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  duration: PositiveDuration.default('10m').describe('arrivals are generated in [0, duration); the run then drains'),
  fleet: z.strictObject({
    nodes: z.array(NodeGroup).min(1),
    // Optional, not defaulted: a scenario without it resolves (and runs) exactly as before cells existed.
    cells: z
      .number()
      .int()
      .min(1)
      .max(L.MAX_CELLS)
      .optional()
      .describe('independent cells (scale units) the fleet and the applications are divided into, each simulated alone (docs/scale.md); default 1'),
    cellAssignment: z
      .enum(['hash', 'balanced'])
      .optional()
      .describe(
        "how applications go to cells: 'hash' (default) by a hash of the application name, like a stateless router; 'balanced' largest expected load first to the least loaded cell, like a load-aware placement service (docs/scale.md)",
      ),
  }),
  functions: z.array(FunctionDef).default([]).describe('declared functions; trace sources add their own'),
  workflows: z.array(Workflow).default([]),
  transfers: Transfers.prefault({}),
  workload: z.array(WorkloadSource).default([]),
  policies: Policies.prefault({}),
  coldStart: ColdStart.prefault({}),
  platform: Platform.prefault({}),
  deployment: Deployment.optional().describe('cold starts fetch a package or image and start a runtime (replaces coldStart.mode delay)'),
  cost: Cost.prefault({}),
  output: Output.prefault({}),
  resolved: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('written by the tool in scenario.resolved.json (tool version, canonical policy names); ignored on input'),
});

export type ScenarioInput = z.input<typeof Scenario>;
export type ResolvedScenario = z.output<typeof Scenario>;
export type DistributionInput = z.output<typeof DistributionSpec>;
export type PayloadInput = z.output<typeof PayloadSpec>;
