// The `workflows` section of summary.json: per workflow, runs by outcome, end-to-end latency,
// where the time went, and cost per completed run; plus the transfer services' bill.
import type { BuiltWorkflows } from '../model/workflow/built.ts';
import type { WorkflowStats } from '../model/workflow/stats.ts';
import type { TransferCost } from '../model/transfer/cost.ts';
import { statsMs, type WorkflowsSummary, type WorkflowSummaryEntry } from './summary.ts';

const r6 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);
const r3 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0);
const MIB_US_PER_GBS = 1024 * 1e6;

export function workflowSummary(w: BuiltWorkflows, method: string, prices: { perRequestUSD: number; perGBsUSD: number }): WorkflowsSummary {
  settleWorkflows(w, method);
  return workflowSummaryOf(w.engine.stats, w.services.cost, method, prices);
}

/** Ends the run's storage accounting (objects still stored, the cache provisioned for the whole run when it is the transfer method). */
export function settleWorkflows(w: BuiltWorkflows, method: string): void {
  w.services.s3.settle();
  if (method === 'elasticache') w.services.cache.settle();
}

/** The `workflows` section from per-workflow stats (scenario order) and the transfer services' settled counts. */
export function workflowSummaryOf(
  stats: readonly WorkflowStats[],
  cost: TransferCost,
  method: string,
  prices: { perRequestUSD: number; perGBsUSD: number },
): WorkflowsSummary {
  const bill = cost.bill();
  const totalCompleted = stats.reduce((a, s) => a + s.completedRuns, 0);
  const transferUSD = bill.totalUSD;
  const perWorkflow: Record<string, WorkflowSummaryEntry> = {};
  for (const st of stats) {
    const n = st.completedRuns;
    const computeUSD = (st.billedMiBUs / MIB_US_PER_GBS) * prices.perGBsUSD;
    const requestUSD = st.invocations * prices.perRequestUSD;
    // Transfer services are shared: their bill is split over completed runs of all workflows.
    const transferShare = totalCompleted > 0 ? (transferUSD * n) / totalCompleted : 0;
    perWorkflow[st.name] = {
      runs: st.started,
      completed: n,
      failed: Object.fromEntries([...st.failures.entries()].sort()),
      latencyMs: statsMs(st.latency),
      meanTimePerRunMs: {
        compute: n ? r3(st.computeUs / n / 1000) : 0,
        transfer: n ? r3(st.transferUs / n / 1000) : 0,
        queueing: n ? r3(st.queueUs / n / 1000) : 0,
        coldStartWait: n ? r3(st.coldWaitUs / n / 1000) : 0,
      },
      costPerRunUSD: {
        compute: n ? r6(computeUSD / n) : 0,
        requests: n ? r6(requestUSD / n) : 0,
        transfer: n ? r6(transferShare / n) : 0,
        total: n ? r6((computeUSD + requestUSD + transferShare) / n) : 0,
      },
    };
  }
  return {
    method,
    transferBillUSD: {
      s3Requests: r6(bill.s3RequestsUSD),
      s3Storage: r6(bill.s3StorageUSD),
      cache: r6(bill.cacheUSD),
      dataTransfer: r6(bill.dataTransferUSD),
      total: r6(bill.totalUSD),
    },
    xdtBufferGBs: r3(bill.xdtBufferGBs),
    byWorkflow: perWorkflow,
  };
}
