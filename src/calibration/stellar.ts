// STeLLAR (Ustiugov, Amariucai, Grot, IISWC'21) measurements of AWS, Google and Azure: warm/cold
// latency rows and producer->consumer transfer latency vs payload (inline and storage). Facts only,
// with their source and whether each number is exact (text/table) or read off a figure (`~`).
import { readCalibrationCsv, type CsvRecord } from './csv.ts';

const TRANSFERS = 'stellar-transfers.csv';
const LATENCY = 'stellar-latency.csv';

/** A published number: its value, and whether it is exact or approximate (figure, derived). */
export interface Figure {
  readonly value: number;
  /** True when the CSV marks it with `~` (read off a figure) or the row says it is derived. */
  readonly approx: boolean;
}

/** Parses "111", "~48" or "" (absent: null). */
export function parseFigure(raw: string | undefined): Figure | null {
  if (raw === undefined) return null;
  const t = raw.trim();
  if (t === '') return null;
  const approx = t.startsWith('~');
  const v = Number(approx ? t.slice(1) : t);
  if (!Number.isFinite(v)) throw new Error(`not a number: ${JSON.stringify(raw)}`);
  return { value: v, approx };
}

export interface StellarTransferRow {
  /** e.g. `inline` or `s3`. */
  readonly method: string;
  /** e.g. `aws_lambda`, `google_cloud_functions`, `vhive_knative (gRPC)`. */
  readonly provider: string;
  readonly payloadBytes: number;
  readonly medianMs: Figure | null;
  readonly p99Ms: Figure | null;
  readonly bandwidth: string;
  readonly source: string;
  readonly exactness: string;
  readonly notes: string;
}

export interface StellarLatencyRow {
  readonly provider: string;
  readonly scenario: string;
  readonly parameters: string;
  readonly medianMs: Figure | null;
  readonly p99Ms: Figure | null;
  /** p99 / median as the paper states it (null when absent or not a plain number). */
  readonly tmr: Figure | null;
  readonly source: string;
  readonly exactness: string;
  readonly notes: string;
}

/** A figure is exact only if the value has no `~` and the row does not mark it as figure-read. */
function withExactness(f: Figure | null, exactness: string, column: 'median' | 'p99'): Figure | null {
  if (!f || f.approx) return f;
  const e = exactness.toLowerCase();
  // Row-level "figure" marks every number as read off a plot; "p99=derived" or "p99=figure"
  // marks that column only.
  const col = new RegExp(`${column}[a-z0-9,]*=(figure|derived)`).test(e);
  const rowFigure = e === 'figure' || e.startsWith('latency=figure');
  return col || rowFigure ? { value: f.value, approx: true } : f;
}

let transfers: readonly StellarTransferRow[] | null = null;
let latency: readonly StellarLatencyRow[] | null = null;

export function stellarTransferRows(): readonly StellarTransferRow[] {
  if (transfers) return transfers;
  transfers = readCalibrationCsv(TRANSFERS).map((r: CsvRecord) => {
    const [method, provider] = splitMethod(r.method!);
    const payload = Number(r.payload_bytes);
    if (!Number.isFinite(payload)) throw new Error(`${TRANSFERS}: bad payload_bytes in ${JSON.stringify(r)}`);
    const ex = r.exact_or_figure ?? '';
    return {
      method,
      provider,
      payloadBytes: payload,
      medianMs: withExactness(parseFigure(r.latency_ms_median), ex, 'median'),
      p99Ms: withExactness(parseFigure(r.latency_ms_p99), ex, 'p99'),
      bandwidth: r.bandwidth ?? '',
      source: r.source!,
      exactness: ex,
      notes: r.notes ?? '',
    };
  });
  return transfers;
}

export function stellarLatencyRows(): readonly StellarLatencyRow[] {
  if (latency) return latency;
  latency = readCalibrationCsv(LATENCY).map((r: CsvRecord) => ({
    provider: r.provider!,
    scenario: r.scenario!,
    parameters: r.parameters ?? '',
    medianMs: parseFigure(r.latency_ms_median),
    p99Ms: parseFigure(r.latency_ms_p99),
    tmr: /^~?[0-9.]+$/.test((r.tmr_p99_over_median ?? '').trim()) ? parseFigure(r.tmr_p99_over_median) : null,
    source: r.source!,
    exactness: r.exact_or_figure ?? '',
    notes: r.notes ?? '',
  }));
  return latency;
}

/** Transfer rows of one method (`inline`, `s3`, `gcs`) and provider, by increasing payload. */
export function stellarTransfers(method: string, provider: string): StellarTransferRow[] {
  return stellarTransferRows()
    .filter((r) => r.method === method && r.provider === provider)
    .sort((a, b) => a.payloadBytes - b.payloadBytes);
}

function splitMethod(m: string): [string, string] {
  const i = m.indexOf('/');
  if (i < 0) throw new Error(`${TRANSFERS}: method ${JSON.stringify(m)} is not method/provider`);
  return [m.slice(0, i), m.slice(i + 1)];
}
