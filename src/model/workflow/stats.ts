// Per-workflow results: runs started, completed and failed (by reason), end-to-end latency, where
// the time went (compute, data transfer, queueing, cold-start waits; summed over a run's
// invocations, not along the critical path), and the compute bill of its invocations.
import { LogHistogram } from '../../engine/histogram.ts';
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
}
