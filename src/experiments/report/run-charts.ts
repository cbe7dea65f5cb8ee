// The Vega-Lite charts of one run's report: latency CDF, cold starts per interval and instances
// over time (from timeseries.csv). Zoom and pan by dragging and scrolling; hover for values.
import type { TopLevelSpec } from 'vega-lite';
import { column, type Table } from '../read-run.ts';
import type { LatencyCdf } from './latency-cdf.ts';

export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 640;
const HEIGHT = 220;
/** Drag to pan, scroll to zoom, double-click to reset. */
const ZOOM = [{ name: 'zoom', select: 'interval', bind: 'scales' }] as const;

export function cdfChart(cdf: LatencyCdf): Chart {
  return {
    id: 'latency-cdf',
    title: 'End-to-end latency CDF',
    spec: {
      $schema: SCHEMA,
      description: `from ${cdf.source}`,
      width: WIDTH,
      height: HEIGHT,
      data: { values: cdf.points as unknown as Record<string, number>[] },
      // A log axis has no 0: a latency of 0 ms (a no-op function on a warm instance) is left out.
      transform: [{ filter: 'datum.latencyMs > 0' }],
      params: [...ZOOM],
      mark: { type: 'line', point: cdf.points.length <= 10, interpolate: 'step-after' },
      encoding: {
        x: { field: 'latencyMs', type: 'quantitative', title: 'end-to-end latency (ms, log scale)', scale: { type: 'log' } },
        y: { field: 'fraction', type: 'quantitative', title: 'fraction of completed invocations', scale: { domain: [0, 1] } },
        tooltip: [
          { field: 'latencyMs', title: 'latency (ms)' },
          { field: 'fraction', title: 'fraction', format: '.4f' },
        ],
      },
    },
  };
}

/** Rows of `t` as objects with numbers for the named columns that the file has. */
export function numericRows(t: Table, names: readonly string[]): Record<string, number | null>[] {
  const present = names.filter((n) => column(t, n) >= 0);
  const idx = present.map((n) => column(t, n));
  return t.rows.map((r) => Object.fromEntries(present.map((n, i) => [n, r[idx[i]!] === '' ? null : Number(r[idx[i]!])])));
}

const INSTANCE_COLUMNS = ['instances', 'busy', 'idle', 'starting'];

export function timeseriesCharts(t: Table): Chart[] {
  if (column(t, 'time_s') < 0) return [];
  const charts: Chart[] = [];
  if (column(t, 'cold_starts') >= 0) {
    charts.push({
      id: 'cold-starts',
      title: 'Cold starts per interval',
      spec: {
        $schema: SCHEMA,
        width: WIDTH,
        height: HEIGHT,
        data: { values: numericRows(t, ['time_s', 'cold_starts', 'arrivals']) },
        params: [...ZOOM],
        mark: { type: 'bar', color: '#d62728' },
        encoding: {
          x: { field: 'time_s', type: 'quantitative', title: 'simulated time (s, end of interval)' },
          y: { field: 'cold_starts', type: 'quantitative', title: 'cold starts in the interval' },
          tooltip: [{ field: 'time_s', title: 'time (s)' }, { field: 'cold_starts', title: 'cold starts' }, { field: 'arrivals' }],
        },
      },
    });
  }
  const series = INSTANCE_COLUMNS.filter((c) => column(t, c) >= 0);
  if (series.length > 0) {
    charts.push({
      id: 'instances',
      title: 'Instances over time',
      spec: {
        $schema: SCHEMA,
        width: WIDTH,
        height: HEIGHT,
        data: { values: numericRows(t, ['time_s', ...series]) },
        transform: [{ fold: series, as: ['state', 'count'] }],
        params: [...ZOOM],
        mark: { type: 'line', interpolate: 'step-before' },
        encoding: {
          x: { field: 'time_s', type: 'quantitative', title: 'simulated time (s)' },
          y: { field: 'count', type: 'quantitative', title: 'instances' },
          color: { field: 'state', type: 'nominal', title: 'instances', sort: series, legend: { orient: 'right' } },
          strokeDash: { field: 'state', type: 'nominal', title: 'instances', sort: series, legend: { orient: 'right' } },
          tooltip: [{ field: 'time_s', title: 'time (s)' }, { field: 'state' }, { field: 'count' }],
        },
      },
    });
  }
  return charts;
}
