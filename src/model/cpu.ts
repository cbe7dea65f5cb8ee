// A node's CPU as an egalitarian processor-sharing server: while the vCPUs demanded by running
// invocations exceed the node's cores, every invocation progresses at rate cores/demand. Kept as
// virtual time (work done per unit of demand) so that a change of load costs O(log n), and the
// node keeps exactly one pending completion event (a slot the platform moves in place).
import { grown } from '../engine/grown.ts';
import { DeliveryMeter, INVARIANT } from './invariants.ts';

export type CpuMode = 'processor-sharing' | 'none';

export class ProcessorSharingCpu {
  private vtime = 0; // work (us at full speed) every running job has received since t=0
  private lastT = 0;
  private rate = 1;
  private demand = 0;
  // Min-heap of running jobs by finishV (virtual time at which each job completes), in typed
  // arrays with a count: JS arrays popped below half their capacity are trimmed by V8 and then
  // re-grown on the next push, an allocation per oscillation of a node's load.
  private finishV = new Float64Array(16);
  private jobIds = new Int32Array(16);
  private vcpus = new Float64Array(16);
  private n = 0;
  private scheduledTime = -1;
  /** CPU-us delivered since t=0, at most cores x elapsed time. Without contention modelled
   * (`none`) a node may run more vCPUs than it has cores: unchecked there. */
  readonly meter: DeliveryMeter;

  /** `demandOut[demandIndex]` mirrors the demand (a fleet table's column), if given. */
  constructor(
    readonly cores: number,
    private readonly mode: CpuMode,
    private readonly demandOut: Float64Array | null = null,
    private readonly demandIndex = 0,
  ) {
    this.meter = new DeliveryMeter(INVARIANT.cpuTime, demandIndex, mode === 'none' ? Infinity : cores);
  }

  get busyVcpus(): number {
    return this.demand;
  }

  get running(): number {
    return this.n;
  }

  /** Current progress rate of every running job (1 = full speed). */
  get speed(): number {
    return this.rate;
  }

  private advance(now: number): void {
    if (now > this.lastT) {
      const dt = now - this.lastT;
      this.vtime += dt * this.rate;
      // Every running job progressed at `rate` on its vCPUs.
      this.meter.add(dt * this.rate * this.demand, now, now);
      this.lastT = now;
    }
  }

  private updateRate(): void {
    if (this.demandOut !== null) this.demandOut[this.demandIndex] = this.demand;
    this.rate = this.mode === 'none' || this.demand <= this.cores ? 1 : this.cores / this.demand;
  }

  /** Adds a job needing `work` us of full-speed execution on `vcpus` vCPUs. */
  start(now: number, jobId: number, work: number, vcpus: number): void {
    this.advance(now);
    this.push(this.vtime + work, jobId, vcpus);
    this.demand += vcpus;
    this.updateRate();
  }

  /**
   * Pops the jobs finished by `now` into `out` from index 0 (job ids, in completion order, ties by
   * start order of the heap) and returns how many. `out` must hold `running` ids. Call from the
   * node's completion event.
   */
  collectFinished(now: number, out: Int32Array): number {
    this.advance(now);
    // Completion times are rounded up to whole us, so a finished job has finishV <= vtime up to
    // floating-point error; the tolerance is far below one us of work.
    const eps = 1e-6 + 8 * Number.EPSILON * Math.abs(this.vtime);
    let k = 0;
    while (this.n > 0 && this.finishV[0]! <= this.vtime + eps) {
      out[k++] = this.jobIds[0]!;
      this.demand -= this.vcpus[0]!;
      this.popRoot();
    }
    // Virtual time restarts whenever the node empties, so its magnitude (and float error) stays
    // bounded by a busy period instead of growing with the length of the run.
    if (this.n === 0) this.vtime = 0;
    this.updateRate();
    return k;
  }

  /**
   * Time of the next completion given the current load, or -1 if idle. Returns -2 when an event
   * for that time is already pending, so the caller need not schedule another.
   */
  nextCompletion(now: number): number {
    if (this.n === 0) {
      this.scheduledTime = -1;
      return -1;
    }
    const remaining = Math.max(0, this.finishV[0]! - this.vtime);
    const t = now + Math.ceil(remaining / this.rate - 1e-9);
    if (t === this.scheduledTime) return -2;
    this.scheduledTime = t;
    return t;
  }

  /** Marks the pending completion event as consumed (it fired). */
  fired(): void {
    this.scheduledTime = -1;
  }

  private push(fv: number, id: number, vc: number): void {
    if (this.n === this.finishV.length) this.grow();
    const f = this.finishV;
    const ids = this.jobIds;
    const v = this.vcpus;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (f[p]! <= fv) break;
      f[i] = f[p]!;
      ids[i] = ids[p]!;
      v[i] = v[p]!;
      i = p;
    }
    f[i] = fv;
    ids[i] = id;
    v[i] = vc;
  }

  private grow(): void {
    const cap = 2 * this.finishV.length;
    this.finishV = grown(this.finishV, cap);
    this.jobIds = grown(this.jobIds, cap);
    this.vcpus = grown(this.vcpus, cap);
  }

  private popRoot(): void {
    const f = this.finishV;
    const ids = this.jobIds;
    const v = this.vcpus;
    const n = --this.n;
    if (n === 0) return;
    const lf = f[n]!;
    const lid = ids[n]!;
    const lv = v[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && f[r]! < f[l]! ? r : l;
      if (f[c]! >= lf) break;
      f[i] = f[c]!;
      ids[i] = ids[c]!;
      v[i] = v[c]!;
      i = c;
    }
    f[i] = lf;
    ids[i] = lid;
    v[i] = lv;
  }
}
