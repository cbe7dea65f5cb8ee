// Read-only views of the datacenter that policies see. Policies decide; only the model mutates.

/**
 * The fleet as placement sees it, one entry per node indexed by node index: free memory (MiB),
 * vCPUs demanded by running invocations (may exceed cores: processor sharing) and cores as flat
 * arrays, so that a scan over a thousand nodes reads typed arrays instead of touching objects.
 */
export interface FleetView {
  readonly count: number;
  readonly freeMiB: Float64Array;
  readonly busyVcpus: Float64Array;
  readonly cores: Float64Array;
  /** What node `node` holds of `fn`'s snapshot: 0 nothing, 1 WS file on disk, 2 pages in page cache. */
  snapshotWarmth(fn: number, node: number): number;
}

export interface FunctionView {
  readonly index: number;
  readonly name: string;
  readonly app: string;
  /** Host memory an instance holds: guest memory, or a restored instance's touched pages. */
  readonly memoryMiB: number;
  readonly vcpus: number;
  readonly concurrency: number;
  /** Mean warm execution time (us), from the function's distribution. */
  readonly meanExecutionUs: number;
  /** Live instances (starting, idle or busy). */
  readonly instances: number;
}

export interface InstanceView {
  readonly id: number;
  readonly fn: number;
  readonly node: number;
  readonly memoryMiB: number;
  readonly startedAt: number;
  /** Time it became ready (-1 while starting). */
  readonly readyAt: number;
  /** Time the instance last finished an invocation (or became ready). */
  readonly lastUsed: number;
  /** Invocations served so far. */
  readonly served: number;
  /** Started by a pre-warm decision rather than by a waiting request. */
  readonly prewarmed: boolean;
  /** What its first invocation added to a warm run (us; from its start path, may be < 0). */
  readonly firstInvocationExtraUs: number;
}
