// `sim report`: the HTML page of a run folder (summary, latency CDF, cold starts and instances
// over time, the per-function table) or of a sweep output (results table, metric-vs-axis charts).
import { basename, resolve } from 'node:path';
import { readRunOrSweep, type RunData, type SweepData, type Table } from '../read-run.ts';
import { TOOL_VERSION } from '../../version.ts';
import { cdfFromInvocations, cdfFromSummary } from './latency-cdf.ts';
import { renderPage, type Section } from './page.ts';
import { cdfChart, timeseriesCharts } from './run-charts.ts';
import { sweepCharts } from './sweep-charts.ts';
import { getPath } from '../results.ts';

/** The headline figures of a summary, as a two-column table. */
function keyFigures(summary: Record<string, unknown>): Table {
  const rows: [string, string][] = [
    ['scenario', 'scenario'],
    ['seed', 'seed'],
    ['policies', 'policies'],
    ['arrivals', 'invocations.arrivals'],
    ['completed', 'invocations.completed'],
    ['dropped', 'invocations.dropped.total'],
    ['failed', 'invocations.failed.total'],
    ['cold-start fraction of completed', 'coldStarts.fractionOfCompleted'],
    ['instances started', 'coldStarts.instancesStarted'],
    ['latency p50 (ms)', 'latencyMs.endToEnd.p50'],
    ['latency p99 (ms)', 'latencyMs.endToEnd.p99'],
    ['latency mean (ms)', 'latencyMs.endToEnd.mean'],
    ['p75 app cold-start %', 'apps.coldStartPercent.p75'],
    ['idle memory (GB-s)', 'memory.idleGBs'],
    ['cost billed to users (USD)', 'cost.user.totalUSD'],
  ];
  const show = (v: unknown) =>
    typeof v === 'number'
      ? String(Number(v.toPrecision(12)))
      : v !== null && typeof v === 'object'
        ? Object.entries(v)
            .map(([k, x]) => `${k}=${String(x)}`)
            .join('  ')
        : String(v);
  return {
    columns: ['figure', 'value'],
    rows: rows.filter(([, p]) => getPath(summary, p) !== undefined).map(([label, p]) => [label, show(getPath(summary, p))]),
  };
}

async function runSections(run: RunData): Promise<Section[]> {
  const notes = Array.isArray(run.summary['notes']) ? (run.summary['notes'] as unknown[]).map(String) : [];
  const sections: Section[] = [{ title: 'Summary', ...(notes.length ? { note: `notes: ${notes.join('; ')}` } : {}), table: keyFigures(run.summary) }];
  const cdf = (await cdfFromInvocations(run.dir)) ?? cdfFromSummary(run.summary);
  const c = cdfChart(cdf);
  sections.push({ title: c.title, note: `from ${cdf.source}; drag to pan, scroll to zoom, double-click to reset`, chart: c });
  if (run.timeseries) {
    for (const t of timeseriesCharts(run.timeseries)) sections.push({ title: t.title, note: 'from timeseries.csv', chart: t });
  } else {
    sections.push({ title: 'Over time', note: 'the run wrote no timeseries.csv (output.timeseries is off)' });
  }
  if (run.functions) sections.push({ title: 'Functions', note: 'functions.csv; click a column to sort', table: run.functions });
  sections.push({ title: 'summary.json', pre: JSON.stringify(run.summary, null, 2), folded: true });
  return sections;
}

function sweepSections(s: SweepData): Section[] {
  const m = s.manifest;
  const sections: Section[] = [
    {
      title: 'Sweep',
      table: {
        columns: ['field', 'value'],
        rows: [
          ['sweep', m.sweep],
          ['runs', String(m.runs.length) + (m.shard ? ` (shard ${m.shard} of ${m.runCount})` : ` of ${m.runCount}`)],
          ['axes', m.axes.join(', ') || '(none)'],
          ['extra metrics', m.metrics.join(', ') || '(none)'],
          ['tool version', m.toolVersion],
        ],
      },
    },
  ];
  const charts = sweepCharts(m, s.results);
  if (charts.length === 0) sections.push({ title: 'Metrics against axes', note: 'the sweep has no axes (only seeds): see the table' });
  if (charts.length > 0)
    sections.push({ title: 'Metrics against axes', note: "each run (seed) a point; the line joins the means over seeds; colours: the other axes' values" });
  for (const c of charts) sections.push({ title: c.title, chart: c, compact: true });
  sections.push({ title: 'Results', note: 'results.csv, one row per run; click a column to sort', table: s.results });
  return sections;
}

/** The report's HTML for the run folder or sweep output at `dir`. Reads only; writes nothing. */
export async function buildReport(dir: string): Promise<string> {
  const data = readRunOrSweep(dir);
  const name = basename(resolve(dir));
  if (data.kind === 'sweep') {
    return renderPage(`Sweep ${data.manifest.sweep}`, `sweep output ${name}; report by serverless-dc-sim ${TOOL_VERSION}`, sweepSections(data));
  }
  const scenario = String(data.summary['scenario'] ?? name);
  return renderPage(`Run ${scenario}`, `run folder ${name}; report by serverless-dc-sim ${TOOL_VERSION}`, await runSections(data));
}
