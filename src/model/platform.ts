// The serverless control plane: front-end routing of each arrival to a warm instance slot, the
// per-function wait queue (Knative's activator buffer) with a bounded wait, request-driven scaling
// through the autoscaler, placement of new instances, and keep-alive timers. Follows the
// Lambda/Knative request lifecycle of DESIGN section 4.1. Periodic (KPA) scaling is in
// periodic-scaling.ts, the eviction search when no node has room in eviction.ts.
import type { RandomStreams } from '../engine/random.ts';
import type { Simulator } from '../engine/simulator.ts';
import type { AutoscalerPolicy, KeepAlivePolicy, PlacementPolicy } from './policy-interfaces.ts';
import type { StartOutcome, StartPath } from './coldstart/start-path.ts';
import type { CpuMode } from './cpu.ts';
import { HOST_JOB_BASE, HostJobs, type HostCpu, type HostJobListener } from './host-cpu.ts';
import { FleetTable } from './fleet-table.ts';
import { FunctionState, type FunctionSpec } from './function.ts';
import { Instance, InstanceState } from './instance.ts';
import { Col, OUTCOMES, OutcomeCode, QueueMark, type Invocation } from './invocation.ts';
import { InvocationTable } from './invocation-table.ts';
import { endedTwice } from './invariants.ts';
import { Node } from './node.ts';
import type { Distribution } from '../engine/distributions.ts';
import type { RandomStream } from '../engine/random.ts';
import type { PlatformObserver, TeardownReason } from './observer.ts';
import { PRIORITY } from './event-priority.ts';
import { PeriodicScaler } from './periodic-scaling.ts';
import { Eviction } from './eviction.ts';

export interface NodeSpec {
  readonly cores: number;
  readonly memoryMiB: number;
  /** Index of the scenario's node group this node came from. */
  readonly group: number;
}

export interface PlatformConfig {
  readonly functions: readonly FunctionSpec[];
  readonly nodes: readonly NodeSpec[];
  readonly cpuMode: CpuMode;
  /** Longest a request may wait for an instance slot before it is dropped (us). */
  readonly maxQueueWait: number;
  readonly placement: PlacementPolicy;
  readonly autoscaler: AutoscalerPolicy;
  readonly keepAlive: KeepAlivePolicy;
  readonly startPath: StartPath;
  readonly observer: PlatformObserver;
  /** Provider settings (docs/providers.md); absent: the plain platform. */
  readonly provider?: ProviderPlatformConfig;
  /** The run's arrival horizon (us); periodic autoscaler ticks stop after it once nothing is left to scale. */
  readonly horizon?: number;
}

export interface ProviderPlatformConfig {
  /** Client round trip (us) and front-end overhead of each workload request, before routing. */
  readonly propagationUs: number;
  readonly frontEnd: Distribution | null;
  /** A request that waits for an instance start is bound to the instance started for it. */
  readonly bound: boolean;
  /** Requests an instance executes at once (0: all its slots); the others queue at the instance. */
  readonly instanceParallelism: number;
  /** Least time (us) between two instance starts of one function, or one app (0: no limit). */
  readonly scaleOutGapUs: number;
  /** The gap applies to all functions of an app together (Azure: the function app is the unit of scale). */
  readonly scaleOutPerApp: boolean;
}

/** Rate-limited scale-out: the earliest next instance start (us) of one function or one app. */
interface ScaleGate {
  nextStartAt: number;
}

/**
 * Input fetch before and output store after an invocation's compute, during which its instance
 * stays busy (and billed) without using the CPU; and whether an idle instance may be reclaimed
 * (an XDT sender holding unpulled buffers may not). Implemented by the workflow engine.
 */
export interface InvocationIo {
  fetchInputs(inv: Invocation, inst: Instance, go: () => void): void;
  storeOutputs(inv: Invocation, inst: Instance, done: () => void): void;
  /** -1 if the instance may be reclaimed now, else the time until which it must stay. */
  holdUntil(inst: Instance): number;
}

/**
 * The workflow engine as the platform calls it, attached once after both are built (the engine
 * submits through the platform, so it cannot exist first): data movement around compute, the
 * runs that lane payloads past the function indices start, and the end of each workflow invocation.
 */
export interface WorkflowAttachment extends InvocationIo {
  /** Starts a run of workflow `wf` (a lane payload minus the number of functions). */
  start(wf: number): void;
  /** A workflow invocation ended, with any outcome (after the observer heard of it). */
  ended(inv: Invocation): void;
}

export class Platform implements HostCpu {
  readonly functions: FunctionState[];
  readonly nodes: Node[];
  /** The nodes' free memory and CPU demand as flat arrays (for placement scans). */
  readonly fleet: FleetTable;
  private readonly instances = new Map<number, Instance>();
  private nextInstanceId = 0;
  private nextInvocationId = 0;
  private gen = 0;
  /** Requests in flight, one row each; a row is also its CPU job id. */
  readonly invocations = new InvocationTable();
  /** Rows a node's completion event collects (reused; grown to the busiest node). */
  private finished = new Int32Array(64);
  private readonly starvedList: FunctionState[] = [];
  private retrying = false;
  /** Arrivals that have not ended yet. */
  inFlight = 0;
  /** Queued requests across functions (for time series). */
  queued = 0;
  private readonly kCpu: number;
  private readonly kKeepAlive: number;
  private readonly kQueueTimeout: number;
  private readonly kPrewarm: number;
  readonly kArrival: number;
  /** The workflow engine, once attached (null: a run without workflows). */
  private workflows: WorkflowAttachment | null = null;
  /** The autoscaler's clock when it decides on one (Knative KPA), else null. */
  private readonly periodic: PeriodicScaler | null = null;
  private readonly eviction: Eviction;
  private readonly onReadyBound: (id: number, outcome: StartOutcome) => void;
  /** Start-path CPU jobs on the nodes' cores (ids from HOST_JOB_BASE up). */
  private readonly hostJobs = new HostJobs();
  private readonly prov: ProviderPlatformConfig | null;
  // The provider settings the per-request paths test, derived once (all off without a provider).
  /** Requests an instance executes at once; 0: no instance queue (the plain platform). */
  private readonly par: number;
  /** A request that waits for a start is bound to the instance started for it. */
  private readonly bound: boolean;
  /** Workload requests pass a client round trip and a front end before routing. */
  private readonly frontDelay: boolean;
  private readonly kEnter: number = -1;
  private readonly kScaleRetry: number = -1;
  private readonly frontRngs: RandomStream[] = [];
  /** By function index: its scale-out gate, shared by the functions of an app when per app. */
  private readonly gates: ScaleGate[] = [];

  constructor(
    private readonly sim: Simulator,
    rng: RandomStreams,
    private readonly cfg: PlatformConfig,
  ) {
    this.functions = cfg.functions.map((spec, i) => new FunctionState(i, spec, rng.stream(`durations/${spec.name}`)));
    const footprint = cfg.startPath.instanceMemoryMiB?.bind(cfg.startPath);
    if (footprint) {
      for (const fn of this.functions) {
        fn.instanceMiB = footprint({ index: fn.index, name: fn.name, memoryMiB: fn.spec.memoryMiB, profile: fn.spec.profile });
      }
    }
    this.fleet = new FleetTable(cfg.nodes.length, cfg.startPath.warmth?.bind(cfg.startPath) ?? null);
    this.nodes = cfg.nodes.map((n, i) => new Node(i, n.group, n.cores, n.memoryMiB, cfg.cpuMode, this.fleet));
    cfg.startPath.attachHostCpu?.(this);
    this.kCpu = sim.registerSlots('cpu-done', this.nodes.length, (node) => this.onCpuDone(node));
    this.kKeepAlive = sim.registerTimer('keepalive-expiry', (id, gen) => this.onKeepAlive(id, gen));
    this.kQueueTimeout = sim.registerTimer('queue-timeout', (fn, id) => this.onQueueTimeout(fn, id));
    this.kArrival = sim.register('arrival', (fn) => {
      if (fn < this.functions.length) this.arriveFromLane(fn);
      else this.workflowArrival(fn - this.functions.length);
    });
    this.kPrewarm = sim.register('prewarm', (fn, gen) => this.onPrewarm(fn, gen));
    if (cfg.autoscaler.onTick !== undefined && cfg.autoscaler.tickInterval !== undefined) {
      this.periodic = new PeriodicScaler(
        sim,
        cfg.autoscaler,
        {
          startOne: (fn) => {
            const node = this.findNode(fn);
            if (node < 0) return false;
            this.startInstance(fn, node);
            return true;
          },
          retireIdle: (fn, count) => this.retireIdle(fn, count),
          inFlight: () => this.inFlight,
        },
        cfg.horizon ?? Infinity,
      );
    }
    this.eviction = new Eviction(sim, {
      nodes: this.nodes,
      functions: this.functions,
      keepAlive: cfg.keepAlive,
      holdUntil: (inst) => (this.workflows === null ? -1 : this.workflows.holdUntil(inst)),
      evict: (inst) => this.teardown(inst, 'evicted'),
    });
    this.onReadyBound = (id, outcome) => this.onReady(id, outcome);
    this.prov = cfg.provider ?? null;
    this.par = this.prov?.instanceParallelism ?? 0;
    this.bound = this.prov?.bound ?? false;
    this.frontDelay = this.prov !== null && (this.prov.frontEnd !== null || this.prov.propagationUs > 0);
    if (this.prov) {
      this.kEnter = sim.register('front-end', (row, fnIndex) => this.enter(row, fnIndex));
      this.kScaleRetry = sim.register('scale-out-retry', (fn) => {
        const f = this.functions[fn]!;
        f.scaleRetryPending = false;
        if (f.queue.length > 0 || f.backlog > 0) this.scale(f);
      });
      for (const f of cfg.functions) this.frontRngs.push(rng.stream(`frontend/${f.name}`));
      const byApp = new Map<string, ScaleGate>();
      for (const f of cfg.functions) {
        if (!this.prov.scaleOutPerApp) {
          this.gates.push({ nextStartAt: 0 });
          continue;
        }
        let g = byApp.get(f.app);
        if (!g) byApp.set(f.app, (g = { nextStartAt: 0 }));
        this.gates.push(g);
      }
    }
  }

  /** Attaches the workflow engine; once, before the run starts. */
  attachWorkflows(engine: WorkflowAttachment): void {
    if (this.workflows !== null) throw new Error('Platform.attachWorkflows: a workflow engine is already attached');
    this.workflows = engine;
  }

  private workflowArrival(wf: number): void {
    if (this.workflows === null) {
      throw new Error(`workflow ${wf} arrived but no workflow engine is attached (Platform.attachWorkflows was not called)`);
    }
    this.workflows.start(wf);
  }

  get liveInstances(): number {
    return this.instances.size;
  }

  /** Visits every live instance in id order (for end-of-run accounting and time series). */
  forEachInstance(visit: (inst: Instance) => void): void {
    for (const inst of this.instances.values()) visit(inst);
  }

  getInstance(id: number): Instance | undefined {
    return this.instances.get(id);
  }

  // ---- arrivals and routing -------------------------------------------------------------

  /** A request from outside the trace (a workflow stage); its view stays readable after it ends. */
  arrive(fnIndex: number, flow: unknown = null): Invocation {
    const row = this.invocations.alloc(this.nextInvocationId++, fnIndex, this.sim.now, flow);
    const fn = this.functions[fnIndex]!;
    // A replayed function's recorded times belong to its trace arrivals; this one draws its own.
    if (fn.recorded) this.invocations.set(row, Col.Work, Math.max(0, fn.spec.execution.sample(fn.durations)));
    const inv = this.invocations.own(row);
    this.admit(row, fnIndex);
    return inv;
  }

  /** A trace or synthetic arrival: nobody outside holds it, so it is a table row and nothing else. */
  private arriveFromLane(fnIndex: number): void {
    const row = this.invocations.alloc(this.nextInvocationId++, fnIndex, this.sim.now, null);
    const fn = this.functions[fnIndex]!;
    if (fn.recorded) {
      // Taken at arrival, which is the order the trace recorded them in (dispatch order may differ).
      const w = fn.recorded[fn.recordedNext++];
      if (w === undefined) throw new Error(`function ${fn.name}: more arrivals than recorded execution times (${fn.recorded.length})`);
      this.invocations.set(row, Col.Work, w);
    }
    if (!this.frontDelay) {
      this.admit(row, fnIndex);
      return;
    }
    // Client round trip and front-end overhead before the request reaches routing.
    const p = this.prov!;
    const now = this.sim.now;
    this.arrived(row);
    const fe = p.frontEnd !== null ? Math.max(0, Math.round(p.frontEnd.sample(this.frontRngs[fnIndex]!))) : 0;
    this.sim.schedule(now + p.propagationUs + fe, this.kEnter, row, fnIndex, PRIORITY.arrival);
  }

  private admit(row: number, fnIndex: number): void {
    this.arrived(row);
    this.enter(row, fnIndex);
  }

  /** A request is in the system from its arrival (counted and observed once, wherever it goes next). */
  private arrived(row: number): void {
    this.inFlight++;
    this.cfg.observer.arrival(this.invocations.view(row), this.sim.now);
  }

  /** The request reaches routing: a free slot, else the wait queue and scaling. */
  private enter(row: number, fnIndex: number): void {
    const now = this.sim.now;
    const fn = this.functions[fnIndex]!;
    this.cfg.keepAlive.onArrival?.(fn, now);
    fn.prewarmGen++; // a pending pre-warm was planned for an idle time that just ended
    this.changeInSystem(fn, 1);
    const inst = this.par > 0 ? this.takeLeastBusy(fn) : this.takeAvailable(fn);
    if (inst) {
      this.dispatch(row, inst, fn);
      return;
    }
    fn.queue.push(row);
    this.queued++;
    // Whether it waits for an instance start: one under way now, or one begun before it leaves.
    this.invocations.set(row, Col.StartMark, fn.starting > 0 ? QueueMark.StartUnderWay : fn.startsBegun);
    const id = this.invocations.get(row, Col.Id);
    this.sim.schedule(now + this.cfg.maxQueueWait, this.kQueueTimeout, fnIndex, id, PRIORITY.queueTimeout);
    this.scale(fn);
    if (this.bound) this.bindWaiting(fn);
  }

  /**
   * Instance-queue platforms (instanceParallelism): the instance with a free slot and the fewest
   * requests, the most recently listed on ties; full ones leave the stack.
   */
  private takeLeastBusy(fn: FunctionState): Instance | undefined {
    const stack = fn.available;
    let best = -1;
    let kept = 0;
    for (let i = 0; i < stack.length; i++) {
      const inst = stack[i]!;
      if (!usable(inst, fn)) {
        inst.inAvailable = false;
        continue;
      }
      stack[kept] = inst;
      if (best < 0 || inst.active <= stack[best]!.active) best = kept;
      kept++;
    }
    stack.length = kept;
    fn.deadAvailable = 0;
    if (best < 0) return undefined;
    const inst = stack[best]!;
    if (inst.active + 1 >= fn.concurrency) {
      stack.splice(best, 1);
      inst.inAvailable = false;
    }
    return inst;
  }

  /** Bound cold binding: waiting requests are bound, oldest first, to the newest starting instance with room. */
  private bindWaiting(fn: FunctionState): void {
    const inst = fn.lastStarting;
    if (inst === null || inst.state !== InstanceState.Starting) return;
    while (inst.bound.length < fn.concurrency && fn.queue.length > 0) {
      inst.bound.push(fn.queue.shift()!);
      fn.startingSlots--;
    }
  }

  /** An instance of `fn` with a free slot, most recently freed first; stale entries are skipped. */
  private takeAvailable(fn: FunctionState): Instance | undefined {
    const stack = fn.available;
    while (stack.length > 0) {
      const inst = stack[stack.length - 1]!;
      if (usable(inst, fn)) {
        if (inst.active + 1 >= fn.concurrency) {
          stack.pop();
          inst.inAvailable = false;
        }
        return inst;
      }
      stack.pop();
      inst.inAvailable = false;
    }
    return undefined;
  }

  private makeAvailable(inst: Instance, fn: FunctionState): void {
    if (!inst.inAvailable) {
      inst.inAvailable = true;
      fn.available.push(inst);
    }
  }

  private dispatch(row: number, inst: Instance, fn: FunctionState): void {
    const now = this.sim.now;
    if (inst.state === InstanceState.Idle) this.leaveIdle(inst);
    inst.state = InstanceState.Busy;
    const t = this.invocations;
    const f = t.f;
    const o = row * Col.Stride;
    // A replayed trace arrival carries its recorded time; any other draws one now.
    const requested = fn.recorded ? f[o + Col.Work]! : Math.max(0, fn.spec.execution.sample(fn.durations));
    let work = requested;
    if (inst.served === 0) {
      // The extra may be negative (a cold run faster than the mean warm one: cnn_serving in REAP).
      if (inst.firstInvocationExtraUs !== 0) work = Math.max(0, work + inst.firstInvocationExtraUs);
      if (inst.prewarmed) this.cfg.observer.prewarmHit?.(inst, now);
    }
    inst.active++;
    inst.served++;
    const mark = f[o + Col.StartMark]!;
    if (mark !== QueueMark.NeverQueued && (mark === QueueMark.StartUnderWay || fn.startsBegun > mark)) f[o + Col.WaitedStart] = 1;
    f[o + Col.Dispatch] = now;
    f[o + Col.Instance] = inst.id;
    f[o + Col.Node] = inst.node;
    f[o + Col.Work] = work;
    f[o + Col.Requested] = requested;
    t.host[row] = inst;
    const par = this.par;
    if (par > 0) {
      if (inst.running >= par) {
        // Accepted by the instance, waits there for its worker (Azure's Python host).
        inst.backlog.push(row);
        fn.backlog++;
        this.scale(fn);
        return;
      }
      inst.running++;
    }
    this.beginWork(row, inst, fn);
  }

  /** A request starts on its instance: input fetch first where it has inputs, then compute. */
  private beginWork(row: number, inst: Instance, fn: FunctionState): void {
    if (this.workflows !== null && this.invocations.flow[row] !== null) this.fetchThenCompute(row, inst, fn);
    else this.startCompute(row, inst, fn);
  }

  // Kept out of dispatch: its parameters captured by a closure there cost a context per dispatch.
  private fetchThenCompute(row: number, inst: Instance, fn: FunctionState): void {
    this.workflows!.fetchInputs(this.invocations.own(row), inst, () => this.startCompute(row, inst, fn));
  }

  private startCompute(row: number, inst: Instance, fn: FunctionState): void {
    const now = this.sim.now;
    const f = this.invocations.f;
    const o = row * Col.Stride;
    f[o + Col.ComputeStart] = now;
    const node = this.nodes[inst.node]!;
    node.cpu.start(now, row, f[o + Col.Work]!, fn.vcpus);
    this.rescheduleCpu(node);
  }

  /** HostCpu: a start path's CPU work on `nodeIndex`'s cores, shared with the executions there. */
  run(nodeIndex: number, workUs: number, listener: HostJobListener, token: number): void {
    const node = this.nodes[nodeIndex]!;
    node.cpu.start(this.sim.now, this.hostJobs.open(listener, token), workUs, 1);
    this.rescheduleCpu(node);
  }

  private rescheduleCpu(node: Node): void {
    // One pending completion per node, moved in place (-2: unchanged, -1: none left).
    const t = node.cpu.nextCompletion(this.sim.now);
    if (t >= 0) this.sim.setSlot(this.kCpu, node.index, t, PRIORITY.cpu);
  }

  private onCpuDone(nodeIndex: number): void {
    const node = this.nodes[nodeIndex]!;
    node.cpu.fired();
    if (this.finished.length < node.cpu.running) this.finished = new Int32Array(2 * node.cpu.running);
    const done = this.finished;
    const count = node.cpu.collectFinished(this.sim.now, done);
    const t = this.invocations;
    for (let i = 0; i < count; i++) {
      const row = done[i]!;
      if (row >= HOST_JOB_BASE) {
        this.hostJobs.finish(row);
        continue;
      }
      t.set(row, Col.ComputeEnd, this.sim.now);
      if (this.workflows !== null && t.flow[row] !== null) this.storeThenComplete(row);
      else this.complete(row);
    }
    this.rescheduleCpu(node);
  }

  // Its own method: a closure over `row` inside the loop above made V8 allocate a context for
  // every completed invocation, whether or not the closure was created.
  private storeThenComplete(row: number): void {
    this.workflows!.storeOutputs(this.invocations.own(row), this.invocations.host[row]!, () => this.complete(row));
  }

  private complete(row: number): void {
    this.release(row, OutcomeCode.Completed, '');
  }

  /** Ends a dispatched invocation and gives its slot to the next waiting request, or idles. */
  private release(row: number, outcome: OutcomeCode, reason: string): void {
    const now = this.sim.now;
    const t = this.invocations;
    // The function from the row, not the instance: the two loads can then miss the cache at
    // the same time instead of one after the other.
    const fn = this.functions[t.get(row, Col.Fn)]!;
    t.end(row, outcome, now);
    const inst = t.host[row]!;
    inst.active--;
    inst.lastUsed = now;
    if (outcome !== OutcomeCode.Completed) t.reason[row] = reason;
    this.end(row, fn);
    if (this.par > 0) {
      inst.running--;
      const waiting = inst.backlog.shift();
      if (waiting !== undefined) {
        fn.backlog--;
        inst.running++;
        t.set(waiting, Col.Dispatch, now); // its execution starts now
        this.beginWork(waiting, inst, fn);
      }
    }
    const next = this.shiftQueue(fn);
    if (next >= 0) {
      this.dispatch(next, inst, fn);
    } else if (inst.active === 0) {
      this.goIdle(inst, fn);
    } else {
      this.makeAvailable(inst, fn);
    }
  }

  /**
   * Ends a dispatched invocation as failed (e.g. its input could not be fetched) without running
   * its compute; its instance slot is released as on completion.
   */
  failRunning(inv: Invocation, reason: string): void {
    // Its view has left the table once it ended: check here, before its row is touched.
    if (inv.outcome !== 'pending') endedTwice(inv.id, OUTCOMES.indexOf(inv.outcome), this.sim.now);
    this.release(inv.row, OutcomeCode.Failed, reason);
  }

  /** Reports the end and frees the row (its own view, if any, keeps the fields). */
  private end(row: number, fn: FunctionState): void {
    this.inFlight--;
    this.changeInSystem(fn, -1);
    const inv = this.invocations.view(row);
    this.cfg.observer.ended(inv, this.sim.now);
    if (this.workflows !== null && inv.flow !== null) this.workflows.ended(inv);
    this.invocations.release(row);
  }

  /** The oldest waiting request of `fn` (its row), or -1. */
  private shiftQueue(fn: FunctionState): number {
    const row = fn.queue.shift();
    if (row === undefined) return -1;
    this.queued--;
    return row;
  }

  private onQueueTimeout(fnIndex: number, invId: number): void {
    const fn = this.functions[fnIndex]!;
    // Queues are FIFO and every request waits at most the same time, so a request that is still
    // waiting when its deadline comes is at the head of its queue.
    const head = fn.queue.peek();
    const t = this.invocations;
    if (head === undefined || t.get(head, Col.Id) !== invId) return;
    const row = this.shiftQueue(fn);
    t.end(row, OutcomeCode.Dropped, this.sim.now);
    t.reason[row] = fn.starved ? 'no-capacity' : 'queue-timeout';
    this.end(row, fn);
  }

  // ---- scaling, placement, eviction -------------------------------------------------------

  private scale(fn: FunctionState): void {
    const now = this.sim.now;
    const p = this.prov;
    const par = this.par;
    let n = this.cfg.autoscaler.instancesToStart(
      fn,
      par > 0
        ? // Requests waiting anywhere (front-end or an instance) against the workers starting.
          { queued: fn.queue.length + fn.backlog, startingSlots: fn.starting * par, instances: fn.instances, slotsPerInstance: par }
        : { queued: fn.queue.length, startingSlots: fn.startingSlots, instances: fn.instances },
      now,
    );
    if (n > 0 && p !== null && p.scaleOutGapUs > 0) {
      // At most one instance per gap (Azure's scale controller: one per second for HTTP), per
      // function or per app; functions of an app waiting on its gate retry when it opens, in
      // event order.
      const gate = this.gates[fn.index]!;
      if (now < gate.nextStartAt) {
        if (!fn.scaleRetryPending) {
          fn.scaleRetryPending = true;
          this.sim.schedule(gate.nextStartAt, this.kScaleRetry, fn.index, 0, PRIORITY.tick);
        }
        return;
      }
      if (n > 1 && !fn.scaleRetryPending) {
        fn.scaleRetryPending = true;
        this.sim.schedule(now + p.scaleOutGapUs, this.kScaleRetry, fn.index, 0, PRIORITY.tick);
      }
      n = 1;
      gate.nextStartAt = now + p.scaleOutGapUs;
    }
    for (let i = 0; i < n; i++) {
      const node = this.findNode(fn);
      if (node < 0) {
        if (!fn.starved) {
          fn.starved = true;
          this.starvedList.push(fn);
        }
        return;
      }
      this.startInstance(fn, node);
    }
  }

  /** A node for a new instance of `fn`: the placement policy's choice, else one made by eviction. */
  private findNode(fn: FunctionState): number {
    const chosen = this.cfg.placement.place(fn, this.fleet, this.sim.now);
    return chosen >= 0 ? chosen : this.eviction.makeRoom(fn);
  }

  private startInstance(fn: FunctionState, nodeIndex: number, prewarmed = false): void {
    const now = this.sim.now;
    const node = this.nodes[nodeIndex]!;
    const inst = new Instance(this.nextInstanceId++, fn.index, nodeIndex, fn.memoryMiB, now);
    inst.prewarmed = prewarmed;
    this.periodic?.track(fn);
    this.instances.set(inst.id, inst);
    node.reserve(fn.memoryMiB, now);
    node.instanceCount++;
    fn.instances++;
    fn.startingSlots += fn.concurrency;
    fn.starting++;
    fn.startsBegun++;
    this.cfg.observer.instanceStarted(inst, now);
    if (!prewarmed && this.bound) {
      fn.lastStarting = inst;
      this.bindWaiting(fn);
    }
    this.cfg.startPath.start(inst.id, fn, nodeIndex, this.onReadyBound);
  }

  private onReady(id: number, outcome: StartOutcome): void {
    const now = this.sim.now;
    const inst = this.instances.get(id);
    if (inst === undefined || inst.state !== InstanceState.Starting) {
      throw new Error(`start path reported instance ${id} ready, but it is not starting`);
    }
    const fn = this.functions[inst.fn]!;
    fn.startingSlots -= fn.concurrency - inst.bound.length;
    fn.starting--;
    if (fn.lastStarting === inst) fn.lastStarting = null;
    inst.firstInvocationExtraUs = outcome.firstInvocationExtra;
    inst.readyAt = now;
    inst.lastUsed = now;
    inst.state = InstanceState.Busy;
    this.cfg.observer.instanceReady(inst, outcome, now);
    // Requests bound to it first (bound cold binding), then the oldest waiting ones.
    for (let i = 0; i < inst.bound.length; i++) {
      const row = inst.bound[i]!;
      this.queued--;
      this.invocations.setCold(row, outcome.path);
      this.dispatch(row, inst, fn);
    }
    inst.bound.length = 0;
    while (inst.active < fn.concurrency) {
      const row = this.shiftQueue(fn);
      if (row < 0) break;
      this.invocations.setCold(row, outcome.path);
      this.dispatch(row, inst, fn);
    }
    if (inst.active === 0) this.goIdle(inst, fn);
    else if (inst.active < fn.concurrency) this.makeAvailable(inst, fn);
  }

  // ---- keep-alive and teardown ------------------------------------------------------------

  private goIdle(inst: Instance, fn: FunctionState): void {
    const now = this.sim.now;
    const node = this.nodes[inst.node]!;
    inst.state = InstanceState.Idle;
    inst.idleSince = now;
    node.idle.add(inst);
    this.makeAvailable(inst, fn);
    const ka = this.cfg.keepAlive;
    const ttl = ka.idleTimeout(inst, fn, now);
    inst.expiresAt = ttl === Infinity ? Infinity : now + Math.max(0, Math.ceil(ttl));
    const hold = this.workflows?.holdUntil(inst) ?? -1;
    if (ttl <= 0 && hold <= now) {
      this.teardown(inst, 'keepalive');
      if (fn.instances === 0 && ka.prewarmAfter) {
        const delay = ka.prewarmAfter(fn, now);
        if (delay >= 0) this.sim.schedule(now + Math.ceil(delay), this.kPrewarm, fn.index, ++fn.prewarmGen, PRIORITY.prewarm);
      }
    } else if (inst.expiresAt !== Infinity) {
      // Unpulled XDT data may hold it past its keep-alive: look again then.
      this.armKeepAlive(inst, Math.max(inst.expiresAt, hold));
    }
    // An idle instance can be evicted: requests waiting for memory get another chance.
    if (this.starvedList.length > 0) this.retryStarved();
  }

  /**
   * Makes sure a keep-alive timer fires at or before `at`. A pending earlier timer is reused (it
   * re-arms itself for the current expiry when it fires), so a busy instance going idle again and
   * again costs no heap operation.
   */
  private armKeepAlive(inst: Instance, at: number): void {
    if (inst.timerAt >= 0 && inst.timerAt <= at) return;
    inst.gen = ++this.gen;
    inst.timerAt = at;
    this.sim.schedule(at, this.kKeepAlive, inst.id, inst.gen, PRIORITY.keepAlive);
  }

  /** Something that held `instanceId` (an XDT buffer) went away: it may now be reclaimable. */
  recheckHold(instanceId: number): void {
    const inst = this.instances.get(instanceId);
    if (inst === undefined || inst.state !== InstanceState.Idle) return;
    if (inst.expiresAt !== Infinity) this.armKeepAlive(inst, Math.max(this.sim.now, inst.expiresAt));
    if (this.starvedList.length > 0) this.retryStarved();
  }

  private leaveIdle(inst: Instance): void {
    const now = this.sim.now;
    this.nodes[inst.node]!.idle.delete(inst);
    this.cfg.observer.idlePeriod(inst, inst.idleSince, now);
  }

  private onKeepAlive(id: number, gen: number): void {
    const inst = this.instances.get(id);
    if (inst === undefined || inst.gen !== gen) return;
    inst.timerAt = -1;
    if (inst.state !== InstanceState.Idle || inst.expiresAt === Infinity) return; // re-armed when idle
    const now = this.sim.now;
    const hold = this.workflows?.holdUntil(inst) ?? -1;
    if (now < inst.expiresAt || hold > now) {
      // Used since the timer was set, or holding data a receiver has yet to pull (XDT).
      this.armKeepAlive(inst, Math.max(inst.expiresAt, hold));
      return;
    }
    this.teardown(inst, 'keepalive');
  }

  private teardown(inst: Instance, reason: TeardownReason): void {
    const now = this.sim.now;
    const node = this.nodes[inst.node]!;
    const fn = this.functions[inst.fn]!;
    if (inst.state !== InstanceState.Idle) throw new Error(`cannot tear down instance ${inst.id}: not idle`);
    this.leaveIdle(inst);
    node.idle.forget(inst);
    inst.state = InstanceState.Dead;
    if (inst.inAvailable) {
      inst.inAvailable = false;
      // Dead entries below the top of the stack are only dropped when popped: compact now and
      // then, so a function's churn of instances over a long run does not pile up there.
      if (++fn.deadAvailable > 32 && fn.deadAvailable * 2 > fn.available.length) compactAvailable(fn);
    }
    this.instances.delete(inst.id);
    node.unreserve(inst.memoryMiB, now);
    node.instanceCount--;
    fn.instances--;
    this.cfg.startPath.released?.(inst.id, fn, inst.node);
    this.cfg.observer.instanceDead(inst, reason, now);
    if (reason !== 'evicted') this.retryStarved();
  }

  /** Memory was freed: functions waiting for capacity get another try, oldest first. */
  private retryStarved(): void {
    if (this.retrying || this.starvedList.length === 0) return;
    this.retrying = true;
    const list = this.starvedList.splice(0);
    for (const fn of list) fn.starved = false;
    for (const fn of list) if (fn.queue.length > 0) this.scale(fn);
    this.retrying = false;
  }

  private onPrewarm(fnIndex: number, gen: number): void {
    const fn = this.functions[fnIndex]!;
    if (gen !== fn.prewarmGen || fn.instances > 0) return;
    const node = this.findNode(fn);
    if (node < 0) {
      this.cfg.observer.prewarmFailed?.(fnIndex, this.sim.now);
      return;
    }
    this.startInstance(fn, node, true);
  }

  // ---- scaling down ----------------------------------------------------------------------

  private changeInSystem(fn: FunctionState, delta: number): void {
    this.periodic?.changeInSystem(fn, delta); // only a periodic autoscaler reads it
  }

  /** Tears down up to `count` idle instances of `fn`, least recently used first. */
  private retireIdle(fn: FunctionState, count: number): void {
    // Every idle instance of `fn` is on its available stack (an idle instance has a free slot).
    const victims: Instance[] = [];
    for (const inst of fn.available) {
      if (inst.inAvailable && inst.state === InstanceState.Idle && this.eviction.evictable(inst)) victims.push(inst);
    }
    victims.sort((a, b) => a.lastUsed - b.lastUsed || a.id - b.id);
    for (let i = 0; i < count && i < victims.length; i++) this.teardown(victims[i]!, 'scaled-down');
  }

  /** Closes the idle periods of instances still idle when the run ends. */
  finish(endTime: number): void {
    for (const inst of this.instances.values()) {
      if (inst.state === InstanceState.Idle) this.cfg.observer.idlePeriod(inst, inst.idleSince, endTime);
    }
  }
}

/** Drops entries that no longer have a free slot from `fn`'s available stack, keeping order. */
function compactAvailable(fn: FunctionState): void {
  const stack = fn.available;
  let kept = 0;
  for (let i = 0; i < stack.length; i++) {
    const inst = stack[i]!;
    if (inst.inAvailable) stack[kept++] = inst;
  }
  stack.length = kept;
  fn.deadAvailable = 0;
}

/** Whether an entry of a function's available stack can take a request now (stale entries cannot). */
function usable(inst: Instance, fn: FunctionState): boolean {
  return inst.inAvailable && (inst.state === InstanceState.Idle || inst.state === InstanceState.Busy) && inst.active < fn.concurrency;
}
