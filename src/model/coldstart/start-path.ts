// The seam between the scheduler and the cold-start mechanism: the scheduler asks a start path to
// bring a new instance up on a node, and is told when it is ready and what the start cost, phase
// by phase. Implementations: a fixed/distributed delay (walking skeleton), boot, vanilla snapshot,
// REAP record/prefetch (snapshot issue).
import type { Simulator } from '../../engine/simulator.ts';
import type { RandomStreams } from '../../engine/random.ts';
import type { HostCpu } from '../host-cpu.ts';

/** What a start path may know about the function it starts. */
export interface StartFunctionView {
  readonly index: number;
  readonly name: string;
  readonly memoryMiB: number;
  /** Calibrated profile name (e.g. `reap/helloworld`) or null for a plain function. */
  readonly profile: string | null;
}

/** Phase durations of one cold start, in us, keyed by phase name (e.g. `loadVmm`, `faults`). */
export type PhaseTimes = Record<string, number>;

export interface StartOutcome {
  /** The path taken: `fixed`, `boot`, `vanilla`, `reap-record`, `reap-prefetch`, ... */
  readonly path: string;
  /** Phase times (us) and counters (e.g. `faultCount`, `wsBytes`): numbers only. */
  readonly phases: PhaseTimes;
  /**
   * Extra time (us) the first invocation spends on top of its warm execution time because it
   * runs on a freshly restored instance (e.g. input-dependent page faults). 0 if none.
   */
  readonly firstInvocationExtra: number;
}

export type StartDone = (instanceId: number, outcome: StartOutcome) => void;

export interface StartPath {
  /** Canonical name with parameters, echoed in the resolved scenario. */
  readonly name: string;
  /** Phase names this path may report (each must be in PHASE_COLUMNS, phase-columns.ts). */
  readonly phaseNames: readonly string[];
  /** The entries of `phaseNames` that are counts or bytes, not times (default: none). */
  readonly counterNames?: readonly string[];
  /** Begins starting `instanceId` of `fn` on node `node`; calls `done` exactly once when ready. */
  start(instanceId: number, fn: StartFunctionView, node: number, done: StartDone): void;
  /** The instance was torn down (lets a path track what stays cached where). */
  released?(instanceId: number, fn: StartFunctionView, node: number): void;
  /**
   * How much of function `fn`'s start state node `node` already holds, for cache-aware placement:
   * 0 nothing, 1 its recorded working-set file on disk, 2 its pages in the host page cache.
   */
  warmth?(fn: number, node: number): number;
  /** Runs the path's CPU work on the nodes' cores from now on (absent: its CPU work is a delay). */
  attachHostCpu?(cpu: HostCpu): void;
  /** Host memory an instance of `fn` holds once started (absent: its guest memory). */
  instanceMemoryMiB?(fn: StartFunctionView): number;
}

export interface StartPathContext {
  readonly sim: Simulator;
  readonly rng: RandomStreams;
}
