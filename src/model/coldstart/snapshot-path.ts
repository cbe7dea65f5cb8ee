// Snapshot cold starts after the REAP paper (Ustiugov et al., ASPLOS'21): vanilla Firecracker
// restore (lazy, one synchronous fault per first-touched page), REAP record (vanilla + tracing +
// writing the working-set file) and REAP prefetch (one sequential read of the WS file, eager
// install, then faults on the input-dependent pages only), on shared devices and page caches.
import { PAGE_BYTES } from '../../calibration/mechanism.ts';
import { seqReadCost, seqWriteCost } from '../storage/device-spec.ts';
import type { RemoteStoreOptions } from '../storage/presets.ts';
import { StorageBank, type SharedDevice } from '../storage/shared-device.ts';
import { chainCost, prefetchChain, vanillaChain, wsPages, type FaultChainShape } from './analytic.ts';
import { getMechanism } from './fit.ts';
import type { Mechanism } from './mechanism.ts';
import { FleetStorage, type NodeStorage, type NodeStorageConfig } from './node-storage.ts';
import { PhaseRunner, type Action, type StartState, type Step } from './phase-runner.ts';
import { getFunctionProfile, type FunctionProfile } from './profiles.ts';
import { RecordTable } from './record-table.ts';
import type { StartDone, StartFunctionView, StartPath, StartPathContext } from './start-path.ts';

export interface SnapshotPathOptions {
  /** Per node (by scheduler node index): disk preset and page-cache size. */
  readonly nodes: readonly NodeStorageConfig[];
  /** Drop the node's page cache before every cold start (the paper's method). */
  readonly flushPageCacheBeforeColdStart: boolean;
  /** Where memory and WS files live: each node's local disk, or a remote store behind the NIC. */
  readonly snapshotLocation: 'local' | 'remote';
  readonly remote?: RemoteStoreOptions;
  /** REAP reads/writes the WS file with O_DIRECT (`direct`, the paper's choice) or through the
   * page cache (`page-cache`, the paper's Fig. 7 variant; then WS files compete for the cache). */
  readonly wsFileIo?: 'direct' | 'page-cache';
  /** Where a recorded WS file is visible: the node that recorded it, or every node. Default: `node`
   * for local snapshots, `cluster` for remote ones (the WS file is written to the store). */
  readonly recordScope?: 'node' | 'cluster';
  /** Treat every function as already recorded (the paper's REAP numbers are prefetch runs). */
  readonly assumeRecorded?: boolean;
  /** Profile used for functions without a `reap/...` profile. Default `reap/helloworld`. */
  readonly fallbackProfile?: string;
  /** Share devices with other components; a private bank is made otherwise. */
  readonly storage?: StorageBank;
}

const PHASES = [
  'loadVmm',
  'wsFetch',
  'wsInstall',
  'resume',
  'faults',
  'wsWrite',
  'faultCount',
  'majorFaults',
  'readBytes',
  'wsBytes',
] as const;

/** Entries of PHASES that count pages, reads or bytes (expected values of the fault-chain model). */
const COUNTERS = ['faultCount', 'majorFaults', 'readBytes', 'wsBytes'] as const;

// Page-cache extents of a function's snapshot files, as numbers (a string per cold start was
// garbage, and a string per cached file was memory).
const memoryFileKey = (fn: number): number => 2 * fn;
const wsFileKey = (fn: number): number => 2 * fn + 1;

/** A snapshot start's state: what its steps read (the plans are shared by every start). */
interface SnapshotStart extends StartState {
  readonly profile: FunctionProfile;
  readonly storage: NodeStorage;
  /** Where its snapshot files are read from: the node's disk or its path to the remote store. */
  readonly device: SharedDevice;
}

export class SnapshotStartPath implements StartPath {
  readonly name: string;
  readonly phaseNames = PHASES;
  readonly counterNames = COUNTERS;
  readonly fleet: FleetStorage;
  private readonly m: Mechanism;
  private readonly runner: PhaseRunner;
  private readonly profiles = new Map<number, FunctionProfile>();
  /** REAP recordings per node (record scope `node`) or in row 0 (`cluster`). */
  private readonly records: RecordTable;
  private readonly wsIo: 'direct' | 'page-cache';
  private readonly scope: 'node' | 'cluster';
  private readonly vanillaSteps: readonly Step<SnapshotStart>[];
  private readonly recordSteps: readonly Step<SnapshotStart>[];
  private readonly prefetchSteps: readonly Step<SnapshotStart>[];

  constructor(
    ctx: StartPathContext,
    readonly mode: 'vanilla' | 'reap',
    private readonly opts: SnapshotPathOptions,
  ) {
    this.m = getMechanism();
    this.runner = new PhaseRunner(ctx.sim);
    const bank = opts.storage ?? new StorageBank(ctx.sim);
    this.fleet = new FleetStorage(bank, opts.nodes, opts.snapshotLocation === 'remote' ? (opts.remote ?? {}) : null);
    this.wsIo = opts.wsFileIo ?? 'direct';
    this.scope = opts.recordScope ?? (opts.snapshotLocation === 'remote' ? 'cluster' : 'node');
    this.records = new RecordTable(this.scope === 'node' ? Math.max(1, opts.nodes.length) : 1);
    this.vanillaSteps = this.vanillaPlan();
    this.recordSteps = [...this.vanillaSteps, this.wsWriteStep()];
    this.prefetchSteps = this.prefetchPlan();
    this.name =
      `${mode}(location=${opts.snapshotLocation},flush=${opts.flushPageCacheBeforeColdStart}` +
      (mode === 'reap' ? `,ws-io=${this.wsIo},record-scope=${this.scope},pre-recorded=${opts.assumeRecorded ?? false}` : '') +
      ')';
  }

  start(instanceId: number, fn: StartFunctionView, node: number, done: StartDone): void {
    const p = this.profileOf(fn);
    const ns = this.fleet.node(node);
    if (this.opts.flushPageCacheBeforeColdStart) ns.cache.flush();
    const dev = this.opts.snapshotLocation === 'remote' ? ns.remote! : ns.disk;
    let path: string;
    let steps: readonly Step<SnapshotStart>[];
    if (this.mode === 'vanilla') {
      path = 'vanilla';
      steps = this.vanillaSteps;
    } else {
      const rec = this.opts.assumeRecorded ? 2 : this.records.get(this.recordRow(node), fn.index);
      if (rec === 2) {
        path = 'reap-prefetch';
        steps = this.prefetchSteps;
      } else if (rec === 1) {
        // Someone is recording this function right now; REAP keeps one recording, so this start
        // restores lazily like vanilla.
        path = 'vanilla';
        steps = this.vanillaSteps;
      } else {
        this.records.set(this.recordRow(node), fn.index, 1);
        path = 'reap-record';
        steps = this.recordSteps;
      }
    }
    const state: SnapshotStart = {
      instanceId,
      fn,
      node,
      done,
      steps,
      phases: { faultCount: 0, majorFaults: 0, readBytes: 0, wsBytes: 0 },
      path,
      firstInvocationExtra: Math.round(p.firstInvocationExtraUs),
      index: 0,
      phaseStart: 0,
      profile: p,
      storage: ns,
      device: dev,
    };
    this.runner.run(state);
  }

  warmth(fn: number, node: number): number {
    const ns = this.fleet.node(node);
    if (ns.cache.has(memoryFileKey(fn)) || ns.cache.has(wsFileKey(fn))) return 2;
    return this.mode === 'reap' && this.records.get(this.recordRow(node), fn) === 2 ? 1 : 0;
  }

  /** A node's row in the record table: its own, or the cluster's shared one. */
  private recordRow(node: number): number {
    return this.scope === 'node' ? node : 0;
  }

  private profileOf(fn: StartFunctionView): FunctionProfile {
    let p = this.profiles.get(fn.index);
    if (p) return p;
    p = (fn.profile !== null ? getFunctionProfile(fn.profile) : undefined) ?? getFunctionProfile(this.opts.fallbackProfile ?? 'reap/helloworld');
    if (!p) throw new Error(`no snapshot profile for function ${fn.name} (profile ${fn.profile})`);
    this.profiles.set(fn.index, p);
    return p;
  }

  private vanillaPlan(): Step<SnapshotStart>[] {
    const m = this.m;
    return [
      delayStep('loadVmm', m.loadVmmUs),
      delayStep('resume', m.resumeUs),
      {
        phase: 'faults',
        begin: (s) => {
          const sameCached = s.storage.cache.lookup(memoryFileKey(s.fn.index));
          return chainAction(m, s.device, vanillaChain(m, s.profile, sameCached, s.path === 'reap-record'), s);
        },
        // The same pages stay cached (the input-dependent ones are never asked for again).
        end: (s) => s.storage.cache.insert(memoryFileKey(s.fn.index), s.profile.wsPagesSame),
      },
    ];
  }

  private prefetchPlan(): Step<SnapshotStart>[] {
    const m = this.m;
    const viaCache = this.wsIo === 'page-cache';
    return [
      delayStep('loadVmm', m.loadVmmUs),
      delayStep('wsFetch', m.wsFetchSetupUs),
      {
        phase: 'wsFetch',
        begin: (s) => {
          const bytes = wsPages(s.profile) * PAGE_BYTES;
          s.phases.wsBytes! += bytes;
          if (viaCache && s.storage.cache.lookup(wsFileKey(s.fn.index))) return null;
          const c = seqReadCost(s.device.spec, bytes);
          s.phases.readBytes! += bytes;
          return { device: s.device, job: { workUs: c.workUs, aloneUs: c.latencyUs, opWorkUs: c.workUs, bytes } };
        },
        end: viaCache ? (s) => s.storage.cache.insert(wsFileKey(s.fn.index), wsPages(s.profile)) : undefined,
      },
      { phase: 'wsFetch', begin: (s) => (viaCache ? wsPages(s.profile) * m.pageCacheCopyUsPerPage : 0) },
      { phase: 'wsInstall', begin: (s) => wsPages(s.profile) * m.installUsPerPage },
      delayStep('resume', m.resumeUs),
      { phase: 'faults', begin: (s) => chainAction(m, s.device, prefetchChain(m, s.profile), s) },
    ];
  }

  private wsWriteStep(): Step<SnapshotStart> {
    const viaCache = this.wsIo === 'page-cache';
    return {
      phase: 'wsWrite',
      begin: (s) => {
        const bytes = wsPages(s.profile) * PAGE_BYTES;
        s.phases.wsBytes! += bytes;
        const c = seqWriteCost(s.device.spec, bytes);
        return { device: s.device, job: { workUs: c.workUs, aloneUs: c.latencyUs, opWorkUs: c.workUs, bytes, write: true } };
      },
      end: (s) => {
        if (viaCache) s.storage.cache.insert(wsFileKey(s.fn.index), wsPages(s.profile));
        this.records.set(this.recordRow(s.node), s.fn.index, 2);
      },
    };
  }
}

function delayStep(phase: string, us: number): Step<SnapshotStart> {
  return { phase, begin: () => us };
}

/** A serial fault chain as one device job whose cap makes it, alone, take cpu + read latencies. */
function chainAction(m: Mechanism, dev: SharedDevice, shape: FaultChainShape, s: StartState): Action {
  const c = chainCost(m, dev.spec, shape);
  s.phases.faultCount! += shape.pages;
  s.phases.majorFaults! += c.reads;
  s.phases.readBytes! += c.readBytes;
  if (c.workUs <= 0) return c.cpuUs;
  // One operation = one read (the chain's mean); the CPU between reads is the time off the device.
  return { device: dev, job: { workUs: c.workUs, aloneUs: c.aloneUs, opWorkUs: c.reads > 1 ? c.workUs / c.reads : c.workUs, bytes: c.readBytes } };
}
