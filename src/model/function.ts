// A deployed function: its resource shape, execution-time distribution and per-run state
// (the wait queue of requests without an instance slot, and a stack of instances with free slots).
import type { Distribution } from '../engine/distributions.ts';
import type { RandomStream } from '../engine/random.ts';
import type { FunctionView } from './views.ts';
import { Fifo } from './fifo.ts';
import type { Instance } from './instance.ts';

export interface FunctionSpec {
  readonly name: string;
  readonly memoryMiB: number;
  readonly vcpus: number;
  /** Requests one instance serves at once (1 like Lambda, more like Knative containerConcurrency). */
  readonly concurrency: number;
  /** Warm execution time at full CPU speed, us. */
  readonly execution: Distribution;
  /**
   * Exact replay: the execution time (us) of each lane arrival of this function, in arrival order,
   * used instead of a draw from `execution` (which still serves other arrivals and the mean).
   */
  readonly recordedUs?: Float64Array;
  /** Calibrated profile (e.g. `reap/helloworld`), or null. */
  readonly profile: string | null;
  /** Per-function cold-start delay overriding the start path, or null. */
  readonly coldStartDelay: Distribution | null;
  /** Application this function belongs to (trace replay); defaults to the function name. */
  readonly app: string;
}

export class FunctionState implements FunctionView {
  /** Waiting requests, by their rows in the platform's invocation table. */
  readonly queue = new Fifo<number>();
  /** Instances that may have a free slot; validated lazily when popped. */
  readonly available: Instance[] = [];
  /** Entries of `available` torn down since its last compaction. */
  deadAvailable = 0;
  /** Free slots on instances that are still starting. */
  startingSlots = 0;
  /** Live instances (starting, idle or busy). */
  instances = 0;
  /** True while listed in the platform's starved list (waiting for memory to free up). */
  starved = false;
  /** Running plus queued requests, and its time integral since the last autoscaler tick. */
  inSystem = 0;
  inSystemArea = 0;
  inSystemSince = 0;
  /** Generation of the pending pre-warm event (bumped to cancel it). */
  prewarmGen = 0;
  /** Instances starting now, and instance starts begun so far (cold-wait counting). */
  starting = 0;
  startsBegun = 0;
  /** The newest instance still starting (bound cold binding), or null. */
  lastStarting: Instance | null = null;
  /** Requests accepted by its instances but waiting there for a worker. */
  backlog = 0;
  /** Exact replay: the recorded execution times, and how many lane arrivals have taken theirs. */
  readonly recorded: Float64Array | null;
  recordedNext = 0;
  /** Rate-limited scale-out: whether a retry is pending (the gate is the platform's). */
  scaleRetryPending = false;

  constructor(
    readonly index: number,
    readonly spec: FunctionSpec,
    readonly durations: RandomStream,
  ) {
    this.instanceMiB = spec.memoryMiB;
    this.recorded = spec.recordedUs ?? null;
  }

  get name(): string {
    return this.spec.name;
  }
  /** Host memory one instance holds (what placement, eviction and keep-alive see): its guest
   * memory, or what the start path says a started instance holds (a restored instance: the pages
   * it touched). Billing uses the configured `spec.memoryMiB`. */
  get memoryMiB(): number {
    return this.instanceMiB;
  }
  /** Set by the platform from the start path. */
  instanceMiB: number;
  get vcpus(): number {
    return this.spec.vcpus;
  }
  get concurrency(): number {
    return this.spec.concurrency;
  }
  get app(): string {
    return this.spec.app;
  }
  get profile(): string | null {
    return this.spec.profile;
  }
  get meanExecutionUs(): number {
    return this.spec.execution.mean;
  }
}
