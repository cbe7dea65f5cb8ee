// The latency CDF a report draws: from every completed row of invocations.csv (or .csv.gz, or
// invocations-invitro.csv in InVitro's columns) when the run wrote one, streamed through the mergeable histogram so memory stays flat however long
// the file; otherwise from the percentiles in summary.json, and the chart says which.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { LogHistogram } from '../../engine/histogram.ts';
import { InputError } from '../../input/errors.ts';

export interface CdfPoint {
  readonly latencyMs: number;
  readonly fraction: number;
}

export interface LatencyCdf {
  readonly points: readonly CdfPoint[];
  /** Where the points come from, for the chart's subtitle. */
  readonly source: string;
}

/** Quantiles drawn: every 0.5% and the far tail. */
const QUANTILES = [...Array.from({ length: 200 }, (_, i) => i / 200), 0.999, 0.9999, 1];

function splitLine(line: string): string[] {
  return line.includes('"') ? ((parse(line) as string[][])[0] ?? []) : line.split(',');
}

/** The CDF of completed invocations' end-to-end latency in the run's invocations file, or null when it has none. */
export async function cdfFromInvocations(dir: string): Promise<LatencyCdf | null> {
  const names = ['invocations.csv', 'invocations.csv.gz', 'invocations-invitro.csv', 'invocations-invitro.csv.gz'];
  const file = names.map((n) => join(dir, n)).find((f) => existsSync(f));
  if (file === undefined) return null;
  const raw = createReadStream(file);
  const lines = createInterface({ input: file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
  const h = new LogHistogram();
  let latency = -1;
  let outcome = -1;
  /** The value of the outcome column that marks a completed request. */
  let completed = 'completed';
  let header = true;
  for await (const line of lines) {
    if (line === '') continue;
    const cells = splitLine(line);
    if (header) {
      header = false;
      latency = cells.indexOf('latency_us');
      outcome = cells.indexOf('outcome');
      if (latency < 0 && cells.includes('responseTime')) {
        // InVitro's columns: a completed call is one without an error flag (metrics/invocation-rows/invitro-columns.ts).
        latency = cells.indexOf('responseTime');
        outcome = cells.indexOf('functionTimeout');
        completed = 'false';
      }
      if (latency < 0) {
        lines.close();
        raw.destroy();
        return null; // a layout without the column: the summary's percentiles stand in
      }
      continue;
    }
    if (outcome >= 0 && cells[outcome] !== completed) continue;
    const v = Number(cells[latency]);
    if (cells[latency] === '' || !Number.isFinite(v)) {
      throw new InputError({
        file,
        message: `${completed === 'false' ? 'responseTime' : 'latency_us'} ${JSON.stringify(cells[latency])}: expected a number of microseconds`,
      });
    }
    h.add(v);
  }
  if (h.count === 0) return { points: [], source: `${file}: no completed invocations` };
  const points = QUANTILES.map((q) => ({ latencyMs: Math.round(h.quantile(q)) / 1000, fraction: q }));
  return { points, source: `${h.count} completed invocations in ${file.slice(dir.length + 1)}` };
}

/** The few points summary.json has (percentiles of end-to-end latency), when there is no invocations file. */
export function cdfFromSummary(summary: Record<string, unknown>): LatencyCdf {
  const e2e = ((summary['latencyMs'] as Record<string, unknown> | undefined)?.['endToEnd'] ?? {}) as Record<string, unknown>;
  const at: [string, number][] = [
    ['p50', 0.5],
    ['p90', 0.9],
    ['p99', 0.99],
    ['p999', 0.999],
    ['max', 1],
  ];
  const points = at.filter(([k]) => typeof e2e[k] === 'number').map(([k, q]) => ({ latencyMs: e2e[k] as number, fraction: q }));
  return { points, source: 'percentiles in summary.json (the run wrote no invocations.csv)' };
}
