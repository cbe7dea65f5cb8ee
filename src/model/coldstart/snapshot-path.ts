// Snapshot cold starts after the REAP paper (Ustiugov et al., ASPLOS'21): vanilla Firecracker
// restore (lazy, one synchronous fault per first-touched page), REAP record (vanilla + tracing +
// writing the working-set file) and REAP prefetch (one sequential read of the WS file, eager
// install, then faults on the input-dependent pages only), on shared devices, page caches (with
// in-flight reads shared between restores of one snapshot file) and the nodes' host CPUs.
import { PAGE_BYTES } from '../../calibration/mechanism.ts';
import type { HostCpu } from '../host-cpu.ts';
import { seqReadCost, seqWriteCost } from '../storage/device-spec.ts';
import type { RemoteStoreOptions } from '../storage/presets.ts';
import { StorageBank, type DeviceJob, type SharedDevice } from '../storage/shared-device.ts';
import { chainCost, chainReads, prefetchChain, vanillaChain, wsPages, type FaultChainShape } from './analytic.ts';
import { controlPathSpec, HostControlPath, type ControlPathName, type ControlPathSpec } from './control-path.ts';
import { getMechanism } from './fit.ts';
import type { Mechanism } from './mechanism.ts';
import { FleetStorage, type NodeStorage, type NodeStorageConfig } from './node-storage.ts';
import { PhaseRunner, WAIT, type Action, type StartState, type Step } from './phase-runner.ts';
import type { ReadAround } from './read-around.ts';
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
  /** Restores of one function on a node read one snapshot file (`shared`, vHive's layout: they
   * share the page cache, and a restore faulting on a page another is reading waits for that read)
   * or each its own copy (`per-instance`: nothing one reads helps another). Default `shared`. */
  readonly snapshotCopies?: SnapshotCopies;
  /** Host-wide serialised or rate-limited control-path steps before the restore (control-path.ts).
   * Default `none` (REAP-era vHive v1.0). */
  readonly controlPath?: ControlPathName;
  /** Vanilla (and record) faults on same pages: each miss reads its run (`none`, the default,
   * what the REAP paper's single-start figures imply) or the kernel's read-around window with its
   * mmap_miss heuristic (`kernel`, read-around.ts). Input-dependent pages get the window either way. */
  readonly readAround?: ReadAround;
}

export type SnapshotCopies = 'shared' | 'per-instance';

/** How a restore meets its memory file in the page cache when its faults begin. */
const enum Role {
  /** The same pages are cached: minor faults only. */
  Hit = 0,
  /** It reads them (and others restoring the same file meanwhile wait for its reads). */
  Lead = 1,
  /** Another restore is reading them: it waits for those reads instead of reading again. */
  Follow = 2,
  /** Its own copy (`per-instance`): it reads everything itself, and nothing is cached for others. */
  Own = 3,
}

const PHASES = ['loadVmm', 'wsFetch', 'wsInstall', 'resume', 'faults', 'wsWrite', 'faultCount', 'majorFaults', 'readBytes', 'wsBytes'] as const;

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
  /** Its fault chain's device part, set when the chain's CPU part begins. */
  chainJob: DeviceJob | null;
  role: Role;
}

export class SnapshotStartPath implements StartPath {
  readonly name: string;
  readonly phaseNames: readonly string[];
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
  private readonly copies: SnapshotCopies;
  private readonly control: ControlPathSpec;
  private readonly hostControl: (HostControlPath | undefined)[] = [];
  private readonly readAround: ReadAround;

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
    this.copies = opts.snapshotCopies ?? 'shared';
    this.readAround = opts.readAround ?? 'none';
    this.control = controlPathSpec(opts.controlPath ?? 'none');
    this.phaseNames = this.control.name === 'none' ? PHASES : ['control', ...PHASES];
    this.scope = opts.recordScope ?? (opts.snapshotLocation === 'remote' ? 'cluster' : 'node');
    this.records = new RecordTable(this.scope === 'node' ? Math.max(1, opts.nodes.length) : 1);
    const control: Step<SnapshotStart>[] = this.control.name === 'none' ? [] : [this.controlStep()];
    this.vanillaSteps = [...control, ...this.vanillaPlan()];
    this.recordSteps = [...this.vanillaSteps, this.wsWriteStep()];
    this.prefetchSteps = [...control, ...this.prefetchPlan()];
    this.name =
      `${mode}(location=${opts.snapshotLocation},flush=${opts.flushPageCacheBeforeColdStart}` +
      (mode === 'reap' ? `,ws-io=${this.wsIo},record-scope=${this.scope},pre-recorded=${opts.assumeRecorded ?? false}` : '') +
      (this.copies === 'shared' ? '' : `,copies=${this.copies}`) +
      (this.control.name === 'none' ? '' : `,control-path=${this.control.name}`) +
      (this.readAround === 'none' ? '' : `,read-around=${this.readAround}`) +
      ')';
  }

  /** Runs start-path CPU work on the nodes' cores (the platform's, shared with executions). */
  attachHostCpu(cpu: HostCpu): void {
    this.runner.hostCpu = cpu;
  }

  /**
   * Memory a restored instance holds on its host: the guest pages it has touched (its working set,
   * same and input-dependent pages), not its whole guest memory. Memory is mapped lazily from the
   * snapshot file, so untouched guest pages hold no host memory (REAP, ASPLOS'21 §4: footprints
   * 61-96% smaller after restore than after boot). A function without its own profile takes the
   * profile's touched fraction of its guest memory.
   */
  instanceMemoryMiB(fn: StartFunctionView): number {
    const p = this.profileOf(fn);
    return (fn.memoryMiB * wsPages(p) * PAGE_BYTES) / (p.memoryMiB * 1024 * 1024);
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
      slot: -1,
      profile: p,
      storage: ns,
      device: dev,
      chainJob: null,
      role: Role.Hit,
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
    const shared = this.copies === 'shared';
    return [
      delayStep('loadVmm', m.loadVmmUs),
      delayStep('resume', m.resumeUs),
      {
        phase: 'faults',
        begin: (s) => {
          const key = memoryFileKey(s.fn.index);
          if (!shared) s.role = Role.Own;
          else if (s.storage.cache.lookup(key)) s.role = Role.Hit;
          else if (s.storage.reading.has(key)) s.role = Role.Follow;
          else {
            s.role = Role.Lead;
            s.storage.reading.set(key, []);
          }
          const sameCached = s.role === Role.Hit || s.role === Role.Follow;
          return chainCpu(m, s.device, vanillaChain(m, s.profile, sameCached, s.path === 'reap-record', this.readAround), s, this.fileOf(s));
        },
      },
      {
        phase: 'faults',
        begin: (s) => chainDevice(s),
        end: (s) => {
          if (!shared) return;
          const key = memoryFileKey(s.fn.index);
          // The same pages stay cached (the input-dependent ones are never asked for again).
          s.storage.cache.insert(key, s.profile.wsPagesSame);
          if (s.role === Role.Lead) this.wake(s.storage, key);
        },
      },
      {
        // A follower that got ahead of the reads it shares waits for them (Linux: the page is in
        // the cache, locked for I/O; the fault sleeps on the folio lock and retries, no new read).
        phase: 'faults',
        begin: (s) => (s.role === Role.Follow ? this.waitFor(s, memoryFileKey(s.fn.index)) : null),
      },
    ];
  }

  /** Which memory file a start reads (its function's, or its own copy's). */
  private fileOf(s: SnapshotStart): number {
    return this.copies === 'per-instance' ? -1 - s.instanceId : memoryFileKey(s.fn.index);
  }

  /** Parks `s` until the in-flight read of `key` on its node ends, if there is one. */
  private waitFor(s: SnapshotStart, key: number): Action {
    const waiting = s.storage.reading.get(key);
    if (waiting === undefined) return null;
    waiting.push(s.slot);
    return WAIT;
  }

  /** The read of `key` on this node is over: the starts waiting for it go on. */
  private wake(storage: NodeStorage, key: number): void {
    const waiting = storage.reading.get(key)!;
    storage.reading.delete(key);
    for (const slot of waiting) this.runner.resume(slot);
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
          const key = wsFileKey(s.fn.index);
          s.role = Role.Own;
          if (viaCache && this.copies === 'shared') {
            if (s.storage.cache.lookup(key)) return null;
            if (s.storage.reading.has(key)) {
              s.role = Role.Follow;
              return this.waitFor(s, key);
            }
            s.role = Role.Lead;
            s.storage.reading.set(key, []);
          }
          const c = seqReadCost(s.device.spec, bytes);
          s.phases.readBytes! += bytes;
          return { device: s.device, job: { workUs: c.workUs, aloneUs: c.latencyUs, opWorkUs: c.workUs, bytes } };
        },
        end:
          viaCache && this.copies === 'shared'
            ? (s) => {
                if (s.role === Role.Follow) return;
                s.storage.cache.insert(wsFileKey(s.fn.index), wsPages(s.profile));
                if (s.role === Role.Lead) this.wake(s.storage, wsFileKey(s.fn.index));
              }
            : undefined,
      },
      { phase: 'wsFetch', begin: (s) => (viaCache ? wsPages(s.profile) * m.pageCacheCopyUsPerPage : 0) },
      { phase: 'wsInstall', begin: (s) => wsPages(s.profile) * m.installUsPerPage },
      delayStep('resume', m.resumeUs),
      { phase: 'faults', begin: (s) => chainCpu(m, s.device, prefetchChain(m, s.profile), s, this.fileOf(s)) },
      { phase: 'faults', begin: (s) => chainDevice(s) },
    ];
  }

  /** Waits for the host's network-config pool and serialised snapshot section (no CPU charged). */
  private controlStep(): Step<SnapshotStart> {
    return {
      phase: 'control',
      begin: (s) => {
        let h = this.hostControl[s.node];
        if (h === undefined) this.hostControl[s.node] = h = new HostControlPath(this.control);
        return { idleUs: h.admit(this.runner.now) };
      },
    };
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
        if (viaCache && this.copies === 'shared') s.storage.cache.insert(wsFileKey(s.fn.index), wsPages(s.profile));
        this.records.set(this.recordRow(s.node), s.fn.index, 2);
      },
    };
  }
}

function delayStep(phase: string, us: number): Step<SnapshotStart> {
  return { phase, begin: () => us };
}

/**
 * A serial fault chain in two parts: its host CPU (fault handling, per-miss I/O path, the
 * function's g) on the node's cores, then its reads as one device job that alone takes the sum of
 * their latencies. Alone the chain takes cpu + read latencies, as the real interleaved chain; under
 * contention each part slows by its own resource (the order within the chain is a simplification:
 * it makes a chain's reads back to back, which overstates its device queueing a little).
 */
function chainCpu(m: Mechanism, dev: SharedDevice, shape: FaultChainShape, s: SnapshotStart, file: number): Action {
  const c = chainCost(m, dev.spec, shape);
  s.phases.faultCount! += shape.pages;
  s.phases.majorFaults! += c.reads;
  s.phases.readBytes! += c.readBytes;
  s.chainJob =
    c.workUs > 0
      ? {
          workUs: c.workUs,
          aloneUs: c.aloneUs - c.cpuUs,
          opWorkUs: c.reads > 1 ? c.workUs / c.reads : c.workUs,
          readsPerOp: Math.min(1, c.reads),
          bytes: c.readBytes,
          random: true,
          file,
          reads: dev.spec.rotational ? chainReads(m, shape) : undefined,
        }
      : null;
  return c.cpuUs;
}

function chainDevice(s: SnapshotStart): Action {
  const job = s.chainJob;
  s.chainJob = null;
  return job === null ? null : { device: s.device, job };
}
