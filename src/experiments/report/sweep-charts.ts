// The metric-vs-axis charts of a sweep's report: for each axis and each metric of results.csv,
// every run as a point and the mean over seeds as a line, one colour per combination of the
// other axes' values.
import type { TopLevelSpec } from 'vega-lite';
import type { Manifest } from '../manifest.ts';
import { KEY_METRICS } from '../results.ts';
import { column, type Table } from '../read-run.ts';
import type { Chart } from './run-charts.ts';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, '-');
}

export function sweepCharts(manifest: Manifest, results: Table): Chart[] {
  const metrics = [...KEY_METRICS.map((m) => m.column), ...manifest.metrics].filter((m) => column(results, m) >= 0);
  const charts: Chart[] = [];
  for (const axis of manifest.axes) {
    const ai = column(results, axis);
    if (ai < 0) continue;
    const others = manifest.axes.filter((a) => a !== axis && column(results, a) >= 0);
    const axisText = results.rows.map((r) => r[ai]!);
    const numeric = axisText.every((v) => v !== '' && Number.isFinite(Number(v)));
    // Axis values in run order (the sweep file's order) when they are not numbers.
    const order = [...new Set(axisText)];
    const rows = results.rows.map((r) => {
      const o: Record<string, string | number | null> = {
        run: r[column(results, 'run')] ?? '',
        seed: Number(r[column(results, 'seed')]),
        x: numeric ? Number(r[ai]) : r[ai]!,
        others: others.length ? others.map((a) => `${a}=${r[column(results, a)]}`).join(', ') : 'all runs',
      };
      // Keyed by position: vega-lite reads the dots of a metric path as nested fields.
      metrics.forEach((m, i) => {
        const cell = r[column(results, m)]!;
        o[`m${i}`] = cell === '' ? null : Number(cell);
      });
      return o;
    });
    metrics.forEach((m, i) => {
      const field = `m${i}`;
      const x = numeric
        ? { field: 'x', type: 'quantitative' as const, title: axis, scale: { zero: false } }
        : { field: 'x', type: 'ordinal' as const, title: axis, sort: order };
      // One colour per combination of the other axes; no legend when there are none.
      const color = others.length ? { field: 'others', type: 'nominal' as const, title: others.join(', ') } : { value: '#4c78a8' };
      const spec: TopLevelSpec = {
        $schema: SCHEMA,
        width: 300,
        height: 180,
        data: { values: rows },
        layer: [
          {
            // Every run (each seed) as a point, so that no run hides behind the mean.
            mark: { type: 'point', filled: true, opacity: 0.6 },
            encoding: {
              x,
              y: { field, type: 'quantitative', title: m },
              color,
              shape: { value: 'circle' },
              tooltip: [{ field: 'run' }, { field: 'seed' }, { field: 'x', title: axis }, { field: 'others', title: 'other axes' }, { field, title: m }],
            },
          },
          {
            mark: { type: 'line' },
            encoding: { x, y: { aggregate: 'mean', field, type: 'quantitative', title: m }, color },
          },
        ],
      };
      charts.push({ id: `sweep-${slug(axis)}-${slug(m)}`, title: `${m} against ${axis}`, spec });
    });
  }
  return charts;
}
