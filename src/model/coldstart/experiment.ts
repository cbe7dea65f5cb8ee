// Drives cold starts directly through the start paths on a fresh simulator (no scheduler): one
// start for the REAP validation, or N simultaneous ones on one node for a concurrency table. A cold
// invocation's latency = start-path time + first-invocation extra + warm execution (the scheduler's
// rule), which is what the paper measured end to end.
import { Simulator } from '../../engine/simulator.ts';
import { RandomStreams } from '../../engine/random.ts';
import type { RemoteStoreOptions } from '../storage/presets.ts';
import { getFunctionProfile } from './profiles.ts';
import { SnapshotStartPath } from './snapshot-path.ts';
import type { StartOutcome } from './start-path.ts';

export interface ColdStartRun {
  /** `reap/helloworld` or `helloworld`. */
  readonly fn: string;
  readonly mode: 'vanilla' | 'reap';
  /** Number of simultaneous cold starts on the node. Default 1. */
  readonly n?: number;
  readonly disk?: string;
  readonly pageCacheMiB?: number;
  /** Default true: flushed once before the starts (the paper's method). */
  readonly flushPageCache?: boolean;
  readonly snapshotLocation?: 'local' | 'remote';
  readonly remote?: RemoteStoreOptions;
  /** `reap`: run the record phase instead of assuming the WS file exists. Default false. */
  readonly record?: boolean;
  /** Each start restores its own snapshot copy (distinct files, no sharing in the page cache), as
   * N different instances would. Default true. */
  readonly distinctSnapshots?: boolean;
}

export interface ColdStartResult {
  /** End-to-end cold invocation latency of each start (us), in start order. */
  readonly latenciesUs: number[];
  readonly outcomes: StartOutcome[];
  readonly meanUs: number;
  readonly maxUs: number;
  /** Device counters after the run. */
  readonly device: { readonly deliveredWorkUs: number; readonly busyUs: number; readonly bytesRead: number; readonly elapsedUs: number };
}

export function runColdStarts(run: ColdStartRun): ColdStartResult {
  const profile = getFunctionProfile(run.fn);
  if (!profile) throw new Error(`unknown function profile ${run.fn}`);
  const n = run.n ?? 1;
  const sim = new Simulator();
  const path = new SnapshotStartPath({ sim, rng: new RandomStreams(1) }, run.mode, {
    nodes: [{ disk: run.disk ?? 'ssd-sata-2020', pageCacheMiB: run.pageCacheMiB ?? 64 * 1024 }],
    flushPageCacheBeforeColdStart: false,
    snapshotLocation: run.snapshotLocation ?? 'local',
    remote: run.remote,
    assumeRecorded: run.mode === 'reap' && !run.record,
  });
  const node = path.fleet.node(0);
  if (run.flushPageCache ?? true) node.cache.flush();
  const latencies: number[] = new Array<number>(n).fill(NaN);
  const outcomes: StartOutcome[] = new Array<StartOutcome>(n);
  const distinct = run.distinctSnapshots ?? true;
  for (let i = 0; i < n; i++) {
    const view = { index: distinct ? i : 0, name: profile.name, memoryMiB: profile.memoryMiB, profile: profile.preset };
    path.start(i, view, 0, (id, o) => {
      latencies[id] = sim.now + o.firstInvocationExtra + profile.warmExecutionUs;
      outcomes[id] = o;
    });
  }
  sim.run();
  const dev = run.snapshotLocation === 'remote' ? node.remote! : node.disk;
  return {
    latenciesUs: latencies,
    outcomes,
    meanUs: latencies.reduce((a, b) => a + b, 0) / n,
    // reduce, not Math.max(...): a spread of a very large array overflows the stack.
    maxUs: latencies.reduce((a, b) => Math.max(a, b), -Infinity),
    device: { deliveredWorkUs: dev.deliveredWorkUs, busyUs: dev.busyUs, bytesRead: dev.bytesRead, elapsedUs: sim.now },
  };
}
