// Per-workflow results: runs started, completed and failed (by reason), end-to-end latency, where
// the time went (compute, data transfer, queueing, cold-start waits; summed over a run's
// invocations, not along the critical path), and the compute bill of its invocations.
import { LogHistogram, type HistogramData } from '../../engine/histogram.ts';
import type { Invocation } from '../invocation.ts';
import type { WorkflowRun } from './engine.ts';

export class WorkflowStats {
  started = 0;
  completedRuns = 0;
  readonly failures = new Map<string, number>();
  readonly latency = new LogHistogram();
  computeUs = 0;
  transferUs = 0;
  queueUs = 0;
  coldWaitUs = 0;
  invocations = 0;
  /** Billed execution of its invocations, MiB x us (1 ms granularity, like Lambda). */
  billedMiBUs = 0;

  constructor(readonly name: string) {}

  invocation(inv: Invocation, memoryMiB: number): void {
    this.invocations++;
    if (inv.dispatch >= 0 && inv.end >= inv.dispatch) {
      this.billedMiBUs += Math.ceil((inv.end - inv.dispatch) / 1000) * 1000 * memoryMiB;
    }
  }

  completed(run: WorkflowRun, now: number): void {
    this.completedRuns++;
    this.latency.add(now - run.start);
    this.computeUs += run.computeUs;
    this.transferUs += run.transferUs;
    this.queueUs += run.queueUs;
    this.coldWaitUs += run.coldWaitUs;
  }

  failed(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }

  /** Plain data for a file or a message (a divided fleet's cell state). */
  toJSON(): WorkflowStatsData {
    return {
      name: this.name,
      started: this.started,
      completedRuns: this.completedRuns,
      failures: [...this.failures.entries()],
      latency: this.latency.toJSON(),
      computeUs: this.computeUs,
      transferUs: this.transferUs,
      queueUs: this.queueUs,
      coldWaitUs: this.coldWaitUs,
      invocations: this.invocations,
      billedMiBUs: this.billedMiBUs,
    };
  }

  /** The stats `toJSON` gave. */
  static fromJSON(d: WorkflowStatsData): WorkflowStats {
    const s = new WorkflowStats(d.name);
    s.merge({ ...d, failures: new Map(d.failures), latency: LogHistogram.fromJSON(d.latency) });
    return s;
  }

  /** Adds another run's stats of the same workflow (the cells of a divided fleet). */
  merge(o: Omit<WorkflowStats, 'merge' | 'toJSON' | 'invocation' | 'completed' | 'failed' | 'name'>): void {
    this.started += o.started;
    this.completedRuns += o.completedRuns;
    for (const [k, n] of o.failures) this.failures.set(k, (this.failures.get(k) ?? 0) + n);
    this.latency.merge(o.latency);
    this.computeUs += o.computeUs;
    this.transferUs += o.transferUs;
    this.queueUs += o.queueUs;
    this.coldWaitUs += o.coldWaitUs;
    this.invocations += o.invocations;
    this.billedMiBUs += o.billedMiBUs;
  }
}

export interface WorkflowStatsData {
  readonly name: string;
  readonly started: number;
  readonly completedRuns: number;
  readonly failures: readonly (readonly [string, number])[];
  readonly latency: HistogramData;
  readonly computeUs: number;
  readonly transferUs: number;
  readonly queueUs: number;
  readonly coldWaitUs: number;
  readonly invocations: number;
  readonly billedMiBUs: number;
}
