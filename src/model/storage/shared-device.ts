// A storage device shared by concurrent operations, as a fluid model: each active job (a serial
// fault chain, a large sequential read or write) progresses at its share of the device's time, and
// shares are recomputed (mva.ts) whenever a job arrives or leaves: one pending event per device,
// moved in place when shares change, none per page fault. Calibrated to the REAP paper's fio
// points (ASPLOS'21 §5.2.3): one outstanding 4 KB read takes 128 us (32 MB/s), sixteen give
// 360 MB/s, a lone sequential read 850 MB/s; random and sequential jobs draw on the same device
// time, so they slow each other down.
import type { Simulator } from '../../engine/simulator.ts';
import { positioningUs, rotationalChainWorkUs, type ChainReads, type DeviceSpec } from './device-spec.ts';
import { mvaShares, type MvaClass } from './mva.ts';
import { DeliveryMeter, INVARIANT } from '../invariants.ts';
import { PRIORITY } from '../event-priority.ts';

/** Called once when a job finishes, with the token given at submission. */
export type JobListener = (token: number) => void;

interface Job extends MvaClass {
  /** Work left in the job's own units: device time at its nominal (one file, QD1) cost. */
  workLeft: number;
  share: number;
  /** Device time of one operation now (what the MVA sees); the nominal one below. */
  opWorkUs: number;
  readonly nominalOpUs: number;
  /** Nominal work done per us of device time (> 1 when queued reads cut positioning). */
  speed: number;
  readonly random: boolean;
  readonly file: number;
  readonly readsPerOp: number;
  /** A fault chain's reads (rotational disks), and their device time alone on the disk. */
  readonly reads: ChainReads | undefined;
  readonly nominalWorkUs: number;
  readonly listener: JobListener;
  readonly token: number;
  readonly bytes: number;
  readonly write: boolean;
}

/** Work below this (us of device time) counts as done: absorbs float error, not model time. */
const DONE_EPS = 1e-6;

/** All devices of a run, behind one slot kind (slot = device id): a device's next completion is
 * one pending event, moved when its shares change, not a new event with the old one left stale. */
export class StorageBank {
  private readonly kind: number;
  private readonly devices: SharedDevice[] = [];

  constructor(readonly sim: Simulator) {
    this.kind = sim.registerSlots('storage/complete', 0, (dev) => this.devices[dev]!.onEvent());
  }

  add(spec: DeviceSpec): SharedDevice {
    const d = new SharedDevice(this.sim, this.kind, this.devices.length, spec);
    this.devices.push(d);
    this.sim.growSlots(this.kind, this.devices.length);
    return d;
  }

  get all(): readonly SharedDevice[] {
    return this.devices;
  }
}

/** A job as its submitter sees it. */
export interface DeviceJob {
  /** Device time the whole job needs (us). */
  readonly workUs: number;
  /** Time the job takes alone on an idle device (us), >= workUs. */
  readonly aloneUs: number;
  /** Device time of one of its operations (us): one read of a fault chain, or the whole transfer
   * of a sequential job. Sets how much the job queues behind others. */
  readonly opWorkUs: number;
  readonly bytes?: number;
  readonly write?: boolean;
  /** Made of small reads at scattered places (a fault chain), which a disk with command queueing
   * can reorder (see DeviceSpec.rotational.queueDepth); default false (a sequential transfer). */
  readonly random?: boolean;
  /** Which file it reads (for the head's span on a rotational disk); default 0. */
  readonly file?: number;
  /** Random reads in one operation (a job of fewer reads than one has a fraction); default 1. */
  readonly readsPerOp?: number;
  /** A fault chain's reads: on a rotational disk its device time is recomputed from them as files,
   * queued reads and the drive cache's share change (device-spec.ts rotationalChainWorkUs; then
   * `workUs` must be that function's value alone). Absent: `readsPerOp` reads repositioned. */
  readonly reads?: ChainReads;
}

export class SharedDevice {
  private readonly jobs: Job[] = [];
  private readonly shares: number[] = [];
  private lastUpdate = 0;
  /** Device time delivered so far (us), at most one us per us busy (checked as it accrues). */
  private readonly meter: DeliveryMeter;
  /** Time with at least one job active (us). */
  busyUs = 0;
  bytesRead = 0;
  bytesWritten = 0;
  completedJobs = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly kind: number,
    readonly id: number,
    readonly spec: DeviceSpec,
  ) {
    this.meter = new DeliveryMeter(INVARIANT.deviceTime, id, 1);
  }

  /** Device time delivered so far (us); never exceeds elapsed busy time. */
  get deliveredWorkUs(): number {
    return this.meter.delivered;
  }

  /**
   * Accounts `workUs` of device time delivered over the last `dtUs` of busy time. Only advance()
   * calls it in the model; public so that a test can break the invariant it checks.
   */
  account(workUs: number, dtUs: number): void {
    this.busyUs += dtUs;
    this.meter.add(workUs, this.busyUs, this.sim.now);
  }

  get activeJobs(): number {
    return this.jobs.length;
  }

  /** Sum of current shares (device utilisation right now, <= 1). */
  get utilisation(): number {
    let s = 0;
    for (const j of this.jobs) s += j.share;
    return s;
  }

  submit(job: DeviceJob, listener: JobListener, token: number): void {
    const { workUs, aloneUs, opWorkUs } = job;
    if (!(workUs > 0) || !(aloneUs >= workUs * (1 - 1e-9)) || !(opWorkUs > 0 && opWorkUs <= workUs * (1 + 1e-9))) {
      throw new RangeError(`bad device job: work ${workUs} us, alone ${aloneUs} us, op ${opWorkUs} us`);
    }
    this.advance();
    this.jobs.push({
      workLeft: workUs,
      opWorkUs,
      nominalOpUs: opWorkUs,
      speed: 1,
      random: job.random ?? false,
      file: job.file ?? 0,
      readsPerOp: job.readsPerOp ?? 1,
      reads: job.reads,
      nominalWorkUs: workUs,
      // Per-operation time off the device, so that alone the job takes exactly aloneUs.
      delayUs: Math.max(0, opWorkUs * (aloneUs / workUs - 1)),
      share: 0,
      listener,
      token,
      bytes: job.bytes ?? 0,
      write: job.write ?? false,
    });
    this.reallocate();
  }

  /** Brings every job's remaining work up to the current time. */
  private advance(): void {
    const now = this.sim.now;
    const dt = now - this.lastUpdate;
    this.lastUpdate = now;
    if (dt <= 0 || this.jobs.length === 0) return;
    let total = 0;
    for (const j of this.jobs) {
      j.workLeft -= j.share * dt * j.speed;
      total += j.share;
    }
    this.account(total * dt, dt);
  }

  private reallocate(): void {
    const jobs = this.jobs;
    if (jobs.length === 0) {
      this.sim.clearSlot(this.kind, this.id);
      return;
    }
    if (this.spec.rotational) this.reposition();
    mvaShares(jobs, this.shares);
    let soonest = Infinity;
    for (let i = 0; i < jobs.length; i++) {
      const j = jobs[i]!;
      j.share = this.shares[i]!;
      const t = j.workLeft <= DONE_EPS ? 0 : j.workLeft / (j.share * j.speed);
      if (t < soonest) soonest = t;
    }
    // Integer-us clock: round the completion up, so a job never finishes before its work is done.
    const at = Math.max(this.sim.now, Math.ceil(this.sim.now + soonest - 1e-9));
    this.sim.setSlot(this.kind, this.id, at, PRIORITY.storage);
  }

  /**
   * Rotational disk: each random job's read costs its transfer plus the positioning for the files
   * being read now and the reads queued (one per active random job: a fault chain has one read
   * outstanding), or a cache hit for the reads the drive's cache holds (its share of the cache falls
   * with the chains reading). Alone on one file this is the nominal cost (speed 1).
   */
  private reposition(): void {
    const d = this.spec.rotational!;
    const jobs = this.jobs;
    let queued = 0;
    let files = 0;
    for (let i = 0; i < jobs.length; i++) {
      const j = jobs[i]!;
      if (!j.random) continue;
      queued++;
      let seen = false;
      for (let k = 0; k < i && !seen; k++) seen = jobs[k]!.random && jobs[k]!.file === j.file;
      if (!seen) files++;
    }
    if (queued === 0) return;
    const alone = positioningUs(d, 1, 1);
    const now = positioningUs(d, files, queued);
    for (const j of jobs) {
      if (!j.random) continue;
      if (j.reads !== undefined) {
        j.speed = j.nominalWorkUs / rotationalChainWorkUs(this.spec, j.reads, files, queued);
        j.opWorkUs = j.nominalOpUs / j.speed;
      } else {
        j.opWorkUs = j.nominalOpUs + j.readsPerOp * (now - alone);
        j.speed = j.nominalOpUs / j.opWorkUs;
      }
    }
  }

  /** @internal completion event from the bank. */
  onEvent(): void {
    this.advance();
    // Compact the finished jobs out in place (order kept); they are usually one.
    const jobs = this.jobs;
    const done = this.done;
    done.length = 0;
    let kept = 0;
    for (let i = 0; i < jobs.length; i++) {
      const j = jobs[i]!;
      if (j.workLeft <= DONE_EPS) done.push(j);
      else jobs[kept++] = j;
    }
    jobs.length = kept;
    for (const j of done) {
      this.completedJobs++;
      if (j.write) this.bytesWritten += j.bytes;
      else this.bytesRead += j.bytes;
    }
    this.reallocate();
    // Listeners run last, on a consistent device; they may submit follow-up jobs (and a listener
    // may finish another device's job synchronously, but never re-enters this device's onEvent).
    if (done.length === 1) {
      const j = done[0]!;
      done.length = 0;
      j.listener(j.token);
    } else {
      const list = done.splice(0);
      for (const j of list) j.listener(j.token);
    }
  }

  private readonly done: Job[] = [];
}
