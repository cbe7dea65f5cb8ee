// Runs workflows through the normal invocation path: each stage invocation is routed, scaled and
// cold-started by the platform like any request; this engine moves the data between stages with
// the configured method (inline, S3, ElastiCache or XDT, as compared by the XDT paper, Ustiugov et
// al., arXiv 2309.14821) and tracks each run until its last stage completes or something fails.
import type { RandomStream, RandomStreams } from '../../engine/random.ts';
import type { Simulator } from '../../engine/simulator.ts';
import type { Instance } from '../instance.ts';
import type { Invocation } from '../invocation.ts';
import type { Platform, WorkflowAttachment } from '../platform.ts';
import type { TransferServices } from '../transfer/services.ts';
import type { TransferOutcome } from '../transfer/outcome.ts';
import { sourcesOf, targetsOf, type WorkflowSpec } from './spec.ts';
import { WorkflowStats } from './stats.ts';

export type TransferMethodName = 'inline' | 's3' | 'elasticache' | 'xdt';

export interface WorkflowOptions {
  readonly method: TransferMethodName;
  /** XDT buffers expire this long after they were filled (us). */
  readonly xdtTimeoutUs: number;
  /** What a receiver does when an XDT buffer expired: fail, or read the copy spilled to S3. */
  readonly xdtExpired: 'fail' | 's3';
}

/** Where a stage input is: the reference the producer sent. */
interface InputRef {
  readonly bytes: number;
  /** S3/cache key, or XDT handle; unused for inline (the payload came with the request). */
  readonly key: string;
  readonly handle: number;
}

/** One run of a workflow. */
export class WorkflowRun {
  failed = false;
  /** Sink invocations still to complete. */
  remaining: number;
  /** Inputs still missing per (stage, invocation index). */
  readonly missing: Int32Array[];
  /** Inputs received per (stage, invocation index). */
  readonly inputs: InputRef[][][];
  /** S3/cache keys this run stored that are not yet consumed (deleted if the run fails). */
  readonly keys = new Set<string>();
  computeUs = 0;
  transferUs = 0;
  queueUs = 0;
  coldWaitUs = 0;

  constructor(
    readonly id: number,
    readonly wf: number,
    readonly spec: WorkflowSpec,
    readonly start: number,
  ) {
    this.missing = spec.stages.map((st) => {
      const m = new Int32Array(st.fanout);
      for (let j = 0; j < st.fanout; j++) {
        let n = 0;
        for (const a of st.after) n += sourcesOf(spec.stages[a]!, st, j).length;
        m[j] = n;
      }
      return m;
    });
    this.inputs = spec.stages.map((st) => Array.from({ length: st.fanout }, () => []));
    this.remaining = spec.stages.reduce((a, st) => a + (st.consumers.length === 0 ? st.fanout : 0), 0);
  }
}

/** What an invocation of a workflow stage carries (Invocation.flow). */
export interface StageTask {
  readonly run: WorkflowRun;
  readonly stage: number;
  readonly index: number;
}

export class WorkflowEngine implements WorkflowAttachment {
  readonly stats: WorkflowStats[];
  private nextRun = 0;
  private nextKey = 0;
  private readonly payloadRngs: RandomStream[];
  /** XDT handles whose buffers expired and were spilled to S3 (fallback `s3`). */
  private readonly spilled = new Set<number>();
  /** Fetches still expected per stored S3/cache key: the object is deleted after the last. */
  private readonly readsLeft = new Map<string, number>();
  /** Runs started that have neither completed nor failed. */
  active = 0;

  constructor(
    private readonly sim: Simulator,
    rng: RandomStreams,
    private readonly platform: Platform,
    private readonly svc: TransferServices,
    readonly workflows: readonly WorkflowSpec[],
    private readonly opts: WorkflowOptions,
  ) {
    this.stats = workflows.map((w) => new WorkflowStats(w.name));
    this.payloadRngs = workflows.map((w) => rng.stream(`payload/${w.name}`));
  }

  /** Starts a run of workflow `wf`: the invocations of every stage without inputs. */
  start(wf: number): void {
    const spec = this.workflows[wf]!;
    const run = new WorkflowRun(this.nextRun++, wf, spec, this.sim.now);
    this.stats[wf]!.started++;
    this.active++;
    spec.stages.forEach((st, s) => {
      if (st.after.length === 0) for (let j = 0; j < st.fanout; j++) this.invoke(run, s, j);
    });
  }

  private invoke(run: WorkflowRun, stage: number, index: number): void {
    if (run.failed) return;
    const task: StageTask = { run, stage, index };
    this.platform.arrive(run.spec.stages[stage]!.fn, task);
  }

  /** The platform ended a workflow invocation (any outcome): failures fail the run. */
  ended(inv: Invocation): void {
    const task = inv.flow as StageTask;
    const run = task.run;
    if (inv.dispatch >= 0) {
      run.queueUs += inv.dispatch - inv.arrival;
      if (inv.cold) run.coldWaitUs += inv.dispatch - inv.arrival;
    }
    if (inv.computeStart >= 0 && inv.computeEnd >= 0) run.computeUs += inv.computeEnd - inv.computeStart;
    this.stats[run.wf]!.invocation(inv, this.platform.functions[inv.fn]!.spec.memoryMiB);
    if (inv.outcome !== 'completed') {
      this.fail(run, inv.reason || inv.outcome);
      return;
    }
    const isSink = run.spec.stages[task.stage]!.consumers.length === 0;
    if (isSink && !run.failed && --run.remaining === 0) {
      this.active--;
      this.stats[run.wf]!.completed(run, this.sim.now);
    }
  }

  private fail(run: WorkflowRun, reason: string): void {
    if (run.failed) return;
    run.failed = true;
    this.active--;
    // Nobody will read this run's intermediate objects now: delete them.
    for (const key of run.keys) this.dropObject(key);
    run.keys.clear();
    this.stats[run.wf]!.failed(reason);
  }

  // ---- InvocationIo: input fetch and output store around compute ------------------------------

  fetchInputs(inv: Invocation, inst: Instance, go: () => void): void {
    const task = inv.flow as StageTask;
    const refs = task.run.inputs[task.stage]![task.index]!;
    const m = this.opts.method;
    if (refs.length === 0 || m === 'inline') {
      go();
      return;
    }
    const started = this.sim.now;
    let left = refs.length;
    let failure: string | null = null;
    const one = (o: TransferOutcome) => {
      if (!o.ok) failure ??= o.reason;
      if (--left > 0) return;
      task.run.transferUs += this.sim.now - started;
      if (failure !== null) this.platform.failRunning(inv, `input-${failure}`);
      else go();
    };
    for (const r of refs) {
      if (m === 's3') this.svc.s3.get(inst.node, r.key, (o) => this.consumed(task.run, r.key, o, one));
      else if (m === 'elasticache') this.svc.cache.get(inst.node, r.key, (o) => this.consumed(task.run, r.key, o, one));
      else if (this.spilled.has(r.handle)) this.svc.s3.get(inst.node, `xdt-spill/${r.handle}`, one);
      else this.svc.xdt.pull(r.handle, inst.node, one);
    }
  }

  private dropObject(key: string): void {
    this.readsLeft.delete(key);
    if (this.opts.method === 's3') this.svc.s3.delete(key);
    else this.svc.cache.delete(key);
  }

  /** Intermediate data is deleted once its last consumer has read it (no storage left behind). */
  private consumed(run: WorkflowRun, key: string, o: TransferOutcome, next: (o: TransferOutcome) => void): void {
    const left = (this.readsLeft.get(key) ?? 1) - 1;
    if (left <= 0) {
      this.dropObject(key);
      run.keys.delete(key);
    } else {
      this.readsLeft.set(key, left);
    }
    next(o);
  }

  storeOutputs(inv: Invocation, inst: Instance, done: () => void): void {
    const task = inv.flow as StageTask;
    const run = task.run;
    const spec = run.spec;
    // Every (consumer stage, consumer index, object) this invocation produces.
    const sends: { stage: number; targets: number[]; bytes: number }[] = [];
    const rng = this.payloadRngs[run.wf]!;
    for (const s of spec.stages[task.stage]!.consumers) {
      const st = spec.stages[s]!;
      const targets = targetsOf(st, task.index);
      if (st.pattern === 'broadcast') {
        sends.push({ stage: s, targets, bytes: Math.round(st.payload.sample(rng)) });
      } else {
        for (const j of targets) sends.push({ stage: s, targets: [j], bytes: Math.round(st.payload.sample(rng)) });
      }
    }
    if (sends.length === 0 || run.failed) {
      done();
      return;
    }
    const m = this.opts.method;
    if (m === 'inline') {
      for (const x of sends) {
        const problem = this.svc.inline.check(x.bytes);
        if (problem !== null) {
          // The provider rejects the invocation request: the producer's call fails.
          this.fail(run, 'inline-over-limit');
          this.platform.failRunning(inv, 'inline-over-limit');
          return;
        }
      }
      done(); // asynchronous invocation: the producer does not wait for its consumers
      for (const x of sends) {
        const t0 = this.sim.now;
        this.svc.inline.send(inst.node, inst.node, x.bytes, (o) => {
          run.transferUs += this.sim.now - t0;
          if (!o.ok) return this.fail(run, `inline-${o.reason}`);
          this.hopThenDeliver(run, x.stage, x.targets, { bytes: x.bytes, key: '', handle: -1 });
        });
      }
      return;
    }
    if (m === 'xdt') {
      // The buffers live in the sender instance's guest memory: together they must fit in it.
      const bytes = sends.reduce((a, x) => a + x.bytes, 0) + this.svc.xdt.heldBy(inst.id);
      if (bytes > this.platform.functions[inst.fn]!.spec.memoryMiB * 2 ** 20) {
        this.fail(run, 'xdt-buffer-over-memory');
        this.platform.failRunning(inv, 'xdt-buffer-over-memory');
        return;
      }
      for (const x of sends) {
        const handle = this.svc.xdt.put(inst.id, inst.node, x.bytes, x.targets.length, this.opts.xdtTimeoutUs);
        this.hopThenDeliver(run, x.stage, x.targets, { bytes: x.bytes, key: '', handle });
      }
      done();
      return;
    }
    // S3 or ElastiCache: the producer stays busy (and billed) until every PUT is acknowledged.
    const t0 = this.sim.now;
    let left = sends.length;
    let failure: string | null = null;
    const refs = sends.map((x) => ({ bytes: x.bytes, key: `wf/${run.id}/${this.nextKey++}`, handle: -1 }));
    sends.forEach((x, k) => {
      this.readsLeft.set(refs[k]!.key, x.targets.length);
      run.keys.add(refs[k]!.key);
    });
    sends.forEach((x, k) => {
      const put = m === 's3' ? this.svc.s3 : this.svc.cache;
      put.put(inst.node, refs[k]!.key, x.bytes, (o) => {
        if (!o.ok) failure ??= o.reason;
        if (--left > 0) return;
        run.transferUs += this.sim.now - t0;
        if (failure !== null) {
          this.platform.failRunning(inv, `${m}-${failure}`);
          return;
        }
        done();
        sends.forEach((y, i) => this.hopThenDeliver(run, y.stage, y.targets, refs[i]!));
      });
    });
  }

  /** The control-plane hop of invoking a consumer, then the reference reaches it. */
  private hopThenDeliver(run: WorkflowRun, stage: number, targets: number[], ref: InputRef): void {
    const t0 = this.sim.now;
    this.svc.invoke.hop(() => {
      run.transferUs += this.sim.now - t0;
      for (const j of targets) this.deliver(run, stage, j, ref);
    });
  }

  private deliver(run: WorkflowRun, stage: number, j: number, ref: InputRef): void {
    if (run.failed) return;
    run.inputs[stage]![j]!.push(ref);
    // A gather stage starts only when all its inputs arrived.
    if (--run.missing[stage]![j]! === 0) this.invoke(run, stage, j);
  }

  // ---- XDT: keep senders alive while they hold data ---------------------------------------------

  holdUntil(inst: Instance): number {
    return this.svc.xdt.heldBy(inst.id) > 0 ? this.sim.now + this.opts.xdtTimeoutUs : -1;
  }

  /** XDT buffer expiry listener: spill to S3 when that fallback is configured. */
  onBufferExpired(instance: number, bytes: number, handle: number): void {
    if (this.opts.xdtExpired !== 's3') return;
    const inst = this.platform.getInstance(instance);
    if (!inst) return;
    // Readers that come before the spill is stored find the buffer expired and fail: the copy is
    // only used once the PUT is acknowledged.
    this.svc.s3.put(inst.node, `xdt-spill/${handle}`, bytes, (o) => {
      if (o.ok) this.spilled.add(handle);
    });
  }
}
