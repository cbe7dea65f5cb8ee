// Figure `reap-concurrency`: mean cold-start latency of N simultaneous helloworld cold starts on one
// node, vanilla snapshot vs REAP, SATA SSD vs 7200-rpm HDD, from scenarios/reap-concurrency.json.
// Nothing here is fitted to concurrency: the curves come from device sharing in the model.
import type { TopLevelSpec } from 'vega-lite';
import { functionColumn, requireAllCompleted, runScenario } from './runs.ts';
import { logTicks } from './render.ts';
import { round } from './write.ts';
import type { Figure, FigureData, FigureOptions } from './types.ts';

const SCENARIO = 'reap-concurrency.json';
const isPow2 = (n: number): boolean => (n & (n - 1)) === 0;
const MODES = [
  { mode: 'vanilla', label: 'vanilla snapshot' },
  { mode: 'reap', label: 'REAP' },
] as const;
const DISKS = [
  { disk: 'ssd-sata-2020', label: 'SATA SSD' },
  { disk: 'hdd-7200', label: 'HDD 7200 rpm' },
] as const;

/** N values: every N in 1..64 for the full figure (log2 axis), a handful for --quick. */
export function concurrencyLevels(quick: boolean): number[] {
  return quick ? [1, 4, 16] : Array.from({ length: 64 }, (_, i) => i + 1);
}

async function build(opts: FigureOptions): Promise<FigureData> {
  const ns = concurrencyLevels(opts.quick);
  const fnCol = functionColumn('function');
  const meanCol = functionColumn('mean_latency_ms');
  const maxCol = functionColumn('max_latency_ms');
  const coldCol = functionColumn('cold_starts');
  const points: { n: number; mode: string; disk: string; ms: number }[] = [];
  const rows: (string | number)[][] = [];
  for (const d of DISKS) {
    for (const m of MODES) {
      for (const n of ns) {
        // A vanilla HDD burst takes minutes (one head, 5.3 ms per fault): lift the activator's
        // 30 s queue bound so no start is dropped, which would silently bias the mean.
        const sets = [`workload[0].burst.size=${n}`, `coldStart.mode=${m.mode}`, `fleet.nodes[0].disk=${d.disk}`, 'platform.maxQueueWait=24h', 'output.invocations=false'];
        const r = await runScenario(SCENARIO, sets);
        requireAllCompleted(r, `${SCENARIO} ${sets.join(' ')}`);
        const row = r.functions[0]!;
        if (row[coldCol] !== n) throw new Error(`${SCENARIO}: ${row[fnCol]} had ${row[coldCol]} cold starts with N=${n}`);
        const mean = Number(row[meanCol]);
        points.push({ n, mode: m.label, disk: d.label, ms: round(mean) });
        rows.push([n, m.mode, d.disk, round(mean), round(Number(row[maxCol]))]);
      }
      opts.log?.(`reap-concurrency: ${m.mode} on ${d.disk} done`);
    }
  }
  const all = points.map((p) => p.ms);
  // The legend draws line samples (solid, dashed): the encoding the lines use.
  const diskEncoding = {
    field: 'disk',
    type: 'nominal',
    sort: DISKS.map((d) => d.label),
    title: 'snapshot disk',
    legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400, symbolStrokeColor: '#444' },
  } as const;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Cold start vs number of simultaneous cold starts (helloworld, one node)',
      subtitle: ['simulated: scenarios/reap-concurrency.json, burst of N starts, page cache flushed; solid: SSD, dashed: HDD; no reference data (held out)'],
    },
    width: 520,
    height: 320,
    data: { values: points },
    encoding: {
      x: { field: 'n', type: 'quantitative', scale: { type: 'log', base: 2 }, axis: { values: ns.filter(isPow2) }, title: 'simultaneous cold starts N (log2)' },
      y: {
        field: 'ms',
        type: 'quantitative',
        scale: { type: 'log' },
        axis: { values: logTicks(Math.min(...all) / 2, Math.max(...all) * 2, true) },
        title: 'mean cold-start latency (ms, log scale)',
      },
      color: { field: 'mode', type: 'nominal', sort: MODES.map((m) => m.label), scale: { range: ['#e45756', '#4c78a8'] }, title: 'start path' },
    },
    layer: [
      { mark: { type: 'line' }, encoding: { strokeDash: diskEncoding } },
      // Dots only at powers of two: 64 dots per line would hide the line on a log2 axis.
      { transform: [{ filter: { field: 'n', oneOf: ns.filter(isPow2) } }], mark: { type: 'point', filled: true, size: 30 } },
    ],
  };
  return {
    spec,
    columns: ['n', 'mode', 'disk', 'mean_latency_ms', 'max_latency_ms'],
    rows,
    series: DISKS.flatMap((d) => MODES.map((m) => `${m.label}, ${d.label}`)),
    points: points.length,
    referencePoints: 0,
    notes: [
      `simulated: ${SCENARIO} with --set workload[0].burst.size=N, coldStart.mode=vanilla|reap, fleet.nodes[0].disk=ssd-sata-2020|hdd-7200, platform.maxQueueWait=24h; N = ${opts.quick ? ns.join(', ') : '1..64'}`,
      'mean latency: mean_latency_ms of the functions row (wait for the instance + first execution)',
    ],
  };
}

export const reapConcurrency: Figure = {
  name: 'reap-concurrency',
  title: 'Cold start vs concurrent cold starts (vanilla vs REAP, SSD and HDD)',
  build,
};
