// The one-screen summary `sim run` prints.
import type { CellsSummary, Summary } from '../metrics/summary.ts';

export function formatSummary(s: Summary, outDir?: string): string {
  const inv = s.invocations;
  const reasons = Object.entries(inv.dropped.byReason)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    `scenario ${s.scenario} (seed ${s.seed}): ${s.simulated.durationS} s simulated, drained at ${s.simulated.endS} s, ${s.simulated.events} events`,
    `policies  ${Object.entries(s.policies)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ')}`,
    `arrivals  ${inv.arrivals}   completed ${inv.completed}   dropped ${inv.dropped.total}${reasons ? ` (${reasons})` : ''}   failed ${inv.failed.total}`,
    `cold      ${s.coldStarts.invocations} invocations (${(100 * s.coldStarts.fractionOfCompleted).toFixed(1)}% of completed), ${s.coldStarts.instancesStarted} instances started; p75 app cold-start ${s.apps.coldStartPercent.p75.toFixed(1)}%`,
    `latency   p50 ${s.latencyMs.endToEnd.p50} ms   p99 ${s.latencyMs.endToEnd.p99} ms   mean ${s.latencyMs.endToEnd.mean} ms   (cold wait p50 ${s.latencyMs.coldInvocationWait.p50} ms)`,
    `memory    idle ${s.memory.idleGBs} GB-s; teardowns ${
      Object.entries(s.memory.teardowns)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
    `cost      $${s.cost.user.totalUSD} billed to users`,
    ...(s.cells ? [cellsLine(s.cells)] : []),
    ...s.notes.map((n) => `note      ${n}`),
  ];
  if (outDir) lines.push(`output    ${outDir}`);
  return lines.join('\n');
}

/** A divided run's cells at a glance: how unevenly the load fell (the busiest cell bounds the run). */
function cellsLine(c: CellsSummary): string {
  const arrivals = c.byCell.map((x) => x.arrivals);
  const dropped = c.byCell.reduce((a, x) => a + x.dropped, 0);
  const inDropping = c.byCell.filter((x) => x.dropped > 0).length;
  return `cells     ${c.count}; arrivals per cell ${Math.min(...arrivals)} to ${Math.max(...arrivals)}${dropped ? `; drops in ${inDropping} of them` : ''} (summary.json "cells")`;
}
