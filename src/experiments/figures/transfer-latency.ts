// Figure `transfer-latency`: producer -> consumer latency vs payload size for each transfer
// method (inline on AWS, S3, ElastiCache, XDT), median and p99 of seeded chains through the
// transfer model, with STeLLAR's measured inline and S3 medians as labelled reference points.
import type { TopLevelSpec } from 'vega-lite';
import { stellarTransfers } from '../../calibration/stellar.ts';
import { simulateChain, type ChainKind } from '../../model/transfer/chains.ts';
import { PROVIDERS } from '../../model/transfer/providers.ts';
import { CACHE_R6G_LARGE } from '../../model/transfer/elasticache.ts';
import { logTicks } from './render.ts';
import { round } from './write.ts';
import type { Figure, FigureData, FigureOptions } from './types.ts';
import { nearestRank as quantile } from '../../engine/nearest-rank.ts';

const METHODS: { kind: ChainKind; label: string }[] = [
  { kind: 'inline', label: 'inline (AWS)' },
  { kind: 's3', label: 'S3' },
  { kind: 'elasticache', label: 'ElastiCache' },
  { kind: 'xdt', label: 'XDT' },
];
export const REFERENCE = 'STeLLAR median (IISWC\'21)';


async function build(opts: FigureOptions): Promise<FigureData> {
  const sizes = opts.quick ? [1024, 1 << 20, 64 << 20] : [1024, 10 << 10, 100 << 10, 1 << 20, 4 << 20, 16 << 20, 128 << 20, 1 << 30];
  const reps = opts.quick ? 50 : 500;
  const limit = PROVIDERS['aws-lambda-2021'].inlineLimitBytes;
  const rows: (string | number)[][] = [];
  const points: Record<string, string | number>[] = [];
  for (const m of METHODS) {
    for (const bytes of sizes) {
      // Over a method's size limit the transfer fails: no point (inline 6 MB, Redis 512 MB).
      if (m.kind === 'inline' && bytes > limit) continue;
      if (m.kind === 'elasticache' && bytes > CACHE_R6G_LARGE.maxValueBytes) continue;
      const lat = simulateChain(m.kind, 'aws-lambda-2021', bytes, reps, 42).sort((a, b) => a - b);
      const p50 = round(quantile(lat, 0.5) / 1000);
      const p99 = round(quantile(lat, 0.99) / 1000);
      rows.push([m.label, bytes, p50, p99, 'simulated']);
      points.push({ method: m.label, bytes, ms: p50, stat: 'median' }, { method: m.label, bytes, ms: p99, stat: 'p99' });
      opts.log?.(`transfer-latency: ${m.label} ${bytes} B: median ${p50} ms, p99 ${p99} ms`);
    }
  }
  const refs: Record<string, string | number>[] = [];
  for (const [method, label] of [['inline', 'inline (AWS)'], ['s3', 'S3']] as const) {
    for (const r of stellarTransfers(method, 'aws_lambda')) {
      if (!r.medianMs) continue;
      refs.push({ method: label, bytes: r.payloadBytes, ms: r.medianMs.value, source: REFERENCE });
      rows.push([label, r.payloadBytes, r.medianMs.value, r.p99Ms?.value ?? '', REFERENCE]);
    }
  }
  const all = [...points.map((p) => p.ms as number), ...refs.map((p) => p.ms as number)];
  const color = { field: 'method', type: 'nominal' as const, sort: METHODS.map((m) => m.label), title: 'method' };
  const x = {
    field: 'bytes',
    type: 'quantitative' as const,
    scale: { type: 'log' as const },
    axis: { values: logTicks(Math.min(...sizes), Math.max(...sizes)), format: '~s' },
    title: 'payload (bytes, log scale)',
  };
  const y = {
    field: 'ms',
    type: 'quantitative' as const,
    scale: { type: 'log' as const },
    axis: { values: logTicks(Math.min(...all) / 2, Math.max(...all) * 2, true) },
    title: 'producer -> consumer latency (ms, log scale)',
  };
  const spec: TopLevelSpec = {
    title: {
      text: 'Transfer latency vs payload size, by method',
      subtitle: `simulated chains (${reps} each, seed 42, AWS preset): solid median, dashed p99; crosses: ${REFERENCE}; inline stops at its 6 MB limit, ElastiCache at 512 MB`,
    },
    layer: [
      {
        data: { values: points },
        // Lines and dots as separate layers: a line mark's own dots would replace the dash samples in the legend.
        mark: { type: 'line' },
        encoding: { x, y, color, strokeDash: {
            field: 'stat',
            type: 'nominal',
            sort: ['median', 'p99'],
            title: 'statistic',
            // Line samples (solid, dashed) in the legend, not the dots the line mark also draws.
            legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400, symbolStrokeColor: '#444' },
          },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 30 },
        encoding: { x, y, color },
      },
      {
        data: { values: refs },
        mark: { type: 'point', size: 90, strokeWidth: 2, filled: false },
        // A legend entry for the crosses too, as reap-functions has for its diamonds.
        encoding: { x, y, color, shape: { field: 'source', type: 'nominal', scale: { range: ['cross'] }, title: 'reference' } },
      },
    ],
  };
  return {
    spec,
    columns: ['method', 'payload_bytes', 'median_ms', 'p99_ms', 'source'],
    rows,
    series: METHODS.map((m) => m.label),
    points: points.length,
    referencePoints: refs.length,
    notes: [
      `simulated: src/model/transfer/chains.ts, ${reps} sequential chains per point (no contention), AWS Lambda preset; payloads ${sizes.join(', ')} B`,
      'reference: STeLLAR (IISWC\'21) producer->consumer medians for AWS inline and S3, from src/calibration/stellar-transfers.csv',
    ],
  };
}

export const transferLatency: Figure = {
  name: 'transfer-latency',
  title: 'Transfer latency vs payload size per method (inline, S3, ElastiCache, XDT)',
  build,
};
