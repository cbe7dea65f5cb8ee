// Drives cold starts directly through the start paths on a fresh simulator (no scheduler): one
// start for the REAP validation, or N simultaneous ones on one node for a concurrency table. A cold
// invocation's latency = start-path time + its first execution (warm execution + first-invocation
// extra, the scheduler's rule), which is what the paper measured end to end. Start-path CPU work and
// the first executions share the node's cores (48 hardware threads on the REAP host by default).
import { hostContentionFigures } from '../../calibration/host-contention.ts';
import { Simulator } from '../../engine/simulator.ts';
import { RandomStreams } from '../../engine/random.ts';
import type { RemoteStoreOptions } from '../storage/presets.ts';
import { getFunctionProfile } from './profiles.ts';
import { StandaloneHostCpus } from '../host-cpus.ts';
import type { ControlPathName } from './control-path.ts';
import type { ReadAround } from './read-around.ts';
import { SnapshotStartPath, type SnapshotCopies } from './snapshot-path.ts';
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
  /** With `distinctSnapshots: false`: one shared file (default) or a copy per instance. */
  readonly snapshotCopies?: SnapshotCopies;
  /** Hardware threads of the node. Default 48 (REAP host: 2 x 24-core Xeon E5-2680 v3, §6.1/6.5). */
  readonly cores?: number;
  /** Per-node serialised/rate-limited control-path steps (see control-path.ts). Default none. */
  readonly controlPath?: ControlPathName;
  /** Read-around on same-page faults (read-around.ts). Default none. */
  readonly readAround?: ReadAround;
}

export interface ColdStartResult {
  /** End-to-end cold invocation latency of each start (us), in start order. */
  readonly latenciesUs: number[];
  /** When each start was ready (start-path time, us), in start order. */
  readonly readyUs: number[];
  readonly outcomes: StartOutcome[];
  readonly meanUs: number;
  readonly maxUs: number;
  /** Device counters after the run. */
  readonly device: { readonly deliveredWorkUs: number; readonly busyUs: number; readonly bytesRead: number; readonly elapsedUs: number };
  /** Host CPU of the node after the run: CPU-us delivered and the cores. */
  readonly cpu: { readonly deliveredUs: number; readonly cores: number };
}

/** Hardware threads of the REAP paper's host (2 x 24 cores; 48 logical cores, §6.5). */
const REAP_HOST_THREADS = hostContentionFigures().hostThreads;

export function runColdStarts(run: ColdStartRun): ColdStartResult {
  const profile = getFunctionProfile(run.fn);
  if (!profile) throw new Error(`unknown function profile ${run.fn}`);
  const n = run.n ?? 1;
  const sim = new Simulator();
  const cores = run.cores ?? REAP_HOST_THREADS;
  const cpus = new StandaloneHostCpus(sim, [cores]);
  const path = new SnapshotStartPath({ sim, rng: new RandomStreams(1) }, run.mode, {
    nodes: [{ disk: run.disk ?? 'ssd-sata-2020', pageCacheMiB: run.pageCacheMiB ?? 64 * 1024 }],
    flushPageCacheBeforeColdStart: false,
    snapshotLocation: run.snapshotLocation ?? 'local',
    remote: run.remote,
    assumeRecorded: run.mode === 'reap' && !run.record,
    snapshotCopies: run.snapshotCopies,
    controlPath: run.controlPath,
    readAround: run.readAround,
  });
  path.attachHostCpu(cpus);
  const node = path.fleet.node(0);
  if (run.flushPageCache ?? true) node.cache.flush();
  const latencies: number[] = new Array<number>(n).fill(NaN);
  const outcomes: StartOutcome[] = new Array<StartOutcome>(n);
  const ready: number[] = new Array<number>(n).fill(NaN);
  const distinct = run.distinctSnapshots ?? true;
  for (let i = 0; i < n; i++) {
    const view = { index: distinct ? i : 0, name: profile.name, memoryMiB: profile.memoryMiB, profile: profile.preset };
    path.start(i, view, 0, (id, o) => {
      outcomes[id] = o;
      ready[id] = sim.now;
      // The first invocation runs on the node's cores too (cnn_serving's extra is negative).
      const work = Math.max(0, profile.warmExecutionUs + o.firstInvocationExtra);
      cpus.run(0, work, (k) => (latencies[k] = sim.now), id);
    });
  }
  sim.run();
  const dev = run.snapshotLocation === 'remote' ? node.remote! : node.disk;
  return {
    latenciesUs: latencies,
    readyUs: ready,
    outcomes,
    meanUs: latencies.reduce((a, b) => a + b, 0) / n,
    // reduce, not Math.max(...): a spread of a very large array overflows the stack.
    maxUs: latencies.reduce((a, b) => Math.max(a, b), -Infinity),
    device: { deliveredWorkUs: dev.deliveredWorkUs, busyUs: dev.busyUs, bytesRead: dev.bytesRead, elapsedUs: sim.now },
    cpu: { deliveredUs: cpus.cpus[0]!.meter.delivered, cores },
  };
}
