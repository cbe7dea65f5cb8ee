// Figure `keepalive-tradeoff`: cold starts of the 75th-percentile app vs idle memory held
// (wasted GB-s) per keep-alive policy, replaying the committed synthetic Azure-like trace
// (scenarios/azure-sample.json) on an ample fleet and on one small enough to force evictions.
import type { TopLevelSpec } from 'vega-lite';
import { runScenario } from './runs.ts';
import { round } from './write.ts';
import type { Figure, FigureData, FigureOptions } from './types.ts';

const SCENARIO = 'azure-sample.json';
export const KEEPALIVE_POLICIES = ['fixed(ttl=10m)', 'fixed(ttl=20m)', 'hybrid', 'greedy-dual', 'lru', 'fixed(ttl=1m)'] as const;

/**
 * Fleets: the scenario's own (16 x 128 GiB, nothing is ever evicted) and 16 x 2 GiB, where the
 * fixed TTLs still fit but LRU and Greedy-Dual must evict hundreds of times a day, with no request
 * dropped (the joint generator's sample of issue 20; the old sample needed 5 GiB for that).
 */
export const FLEETS = [
  { label: '16 x 128 GiB (ample)', memoryGiB: 128 },
  { label: '16 x 2 GiB (memory pressure)', memoryGiB: 2 },
] as const;

/** Trace window: the whole day (full), or 20 minutes from 08:00 (--quick). */
export function tradeoffWindow(quick: boolean): { minutes: [number, number]; duration: string } {
  return quick ? { minutes: [480, 500], duration: '20m' } : { minutes: [0, 1440], duration: '24h' };
}

async function build(opts: FigureOptions): Promise<FigureData> {
  const w = tradeoffWindow(opts.quick);
  const points: { policy: string; fleet: string; idleGBs: number; p75: number; size: number }[] = [];
  const rows: (string | number)[][] = [];
  for (const fleet of FLEETS) {
    for (const policy of KEEPALIVE_POLICIES) {
      const r = await runScenario(SCENARIO, [
        `policies.keepAlive=${policy}`,
        `fleet.nodes[0].memory=${fleet.memoryGiB}GiB`,
        `workload[0].azure2019.windowMinutes=${JSON.stringify(w.minutes)}`,
        `duration=${w.duration}`,
        'output.invocations=false',
      ]);
      const s = r.summary;
      const p75 = s.apps.coldStartPercent.p75;
      const idleGBs = round(s.memory.idleGBs, 1);
      // Policies with identical results (no eviction ever needed) land on one spot: each one more
      // there gets a larger ring, so none hides another.
      const under = points.filter((q) => q.fleet === fleet.label && q.idleGBs === idleGBs && q.p75 === p75).length;
      points.push({ policy, fleet: fleet.label, idleGBs, p75, size: 110 + 160 * under });
      rows.push([
        policy,
        s.policies.keepAlive!,
        fleet.memoryGiB,
        round(s.memory.idleGBs, 1),
        p75,
        s.apps.coldStartPercent.p50,
        s.apps.coldStartPercent.p90,
        // From the counts: the summary's fraction is rounded to 3 decimals, too coarse at 0.3%.
        round((100 * s.coldStarts.invocations) / Math.max(1, s.invocations.completed), 3),
        s.coldStarts.invocations,
        s.memory.teardowns['evicted'] ?? 0,
        s.invocations.dropped.total,
        s.invocations.arrivals,
      ]);
      opts.log?.(`keepalive-tradeoff: ${policy} on ${fleet.label}: p75 app ${p75}%, idle ${round(s.memory.idleGBs, 0)} GB-s`);
    }
  }
  const window = opts.quick ? 'minutes 480-500 of day 1' : 'the whole day';
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Keep-alive policies: cold starts of the 75th-percentile app vs wasted memory',
      subtitle: [`simulated: scenarios/azure-sample.json (synthetic Azure-like trace, 300 functions), ${window}, two fleet sizes; concentric rings: policies with identical results`],
    },
    width: 520,
    height: 320,
    data: { values: points },
    // Hollow markers: several policies land on the same spot (100% for the 75th-percentile app), and
    // a filled marker hid the one under it.
    mark: { type: 'point', filled: false, size: 110, strokeWidth: 2, opacity: 1 },
    encoding: {
      x: { field: 'idleGBs', type: 'quantitative', scale: { type: 'log' }, title: 'idle memory held by warm instances (GB-s, log scale)' },
      y: { field: 'p75', type: 'quantitative', scale: { domain: [0, 100] }, title: '75th-percentile app cold-start %' },
      color: { field: 'policy', type: 'nominal', sort: [...KEEPALIVE_POLICIES], scale: { scheme: 'category10' }, title: 'keep-alive policy' },
      size: { field: 'size', type: 'quantitative', scale: null, legend: null },
      shape: { field: 'fleet', type: 'nominal', sort: FLEETS.map((f) => f.label), scale: { range: ['circle', 'triangle-up'] }, title: 'fleet' },
    },
  };
  return {
    spec,
    columns: [
      'policy', 'canonical_policy', 'node_memory_gib', 'idle_gb_s', 'p75_app_cold_pct', 'p50_app_cold_pct', 'p90_app_cold_pct',
      'cold_start_pct', 'cold_starts', 'evictions', 'dropped', 'arrivals',
    ],
    rows,
    series: [...KEEPALIVE_POLICIES],
    points: points.length,
    referencePoints: 0,
    notes: [
      `simulated: ${SCENARIO} with --set policies.keepAlive=<policy>, fleet.nodes[0].memory=128GiB|2GiB, workload[0].azure2019.windowMinutes=${JSON.stringify(w.minutes)}, duration=${w.duration}`,
      'y: summary.apps.coldStartPercent.p75; x: summary.memory.idleGBs',
    ],
  };
}

export const keepaliveTradeoff: Figure = {
  name: 'keepalive-tradeoff',
  title: 'Keep-alive trade-off: p75 app cold-start % vs wasted memory',
  build,
};
