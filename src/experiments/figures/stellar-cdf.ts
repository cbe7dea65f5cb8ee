// A STeLLAR-style latency CDF (Ustiugov et al., IISWC'21, Figs. 3-7): one line per simulated
// series (colour = provider or chain, dash = the experiment's variable), with the paper's medians
// and p99s as hollow marks at y = 0.5 and 0.99 (shape = which statistic), all three in the legend.
import type { TopLevelSpec } from 'vega-lite';
import type { Figure as PaperFigure } from '../../calibration/stellar.ts';
import { logTicks } from './render.ts';
import { round } from './write.ts';
import type { Cell, FigureData } from './types.ts';
import { nearestRank } from '../../engine/nearest-rank.ts';

export interface CdfSeries {
  /** Legend entry of the colour (provider, or provider + method). */
  readonly color: string;
  /** Legend entry of the dash (payload, image size); one value when the figure has one variant. */
  readonly variant: string;
  /** Latencies (ms), ascending. */
  readonly samplesMs: readonly number[];
}

export interface PaperMark {
  readonly color: string;
  readonly variant: string;
  readonly stat: 'median' | 'p99';
  readonly value: PaperFigure;
}

export const PAPER = "STeLLAR (IISWC'21)";
const STAT_LABEL = { median: `${PAPER} median`, p99: `${PAPER} p99` } as const;

/** Cumulative fractions drawn: every 0.5% and the tail (99%, 99.5%, 99.9%, 100%). */
const FRACTIONS = [...Array.from({ length: 199 }, (_, i) => (i + 1) / 200), 0.99, 0.995, 0.999, 1]
  .filter((p, i, a) => a.indexOf(p) === i)
  .sort((a, b) => a - b);

export interface CdfFigureSpec {
  readonly title: string;
  readonly subtitle: string;
  readonly xTitle: string;
  readonly colorTitle: string;
  readonly variantTitle: string;
  readonly series: readonly CdfSeries[];
  readonly marks: readonly PaperMark[];
  readonly notes: readonly string[];
}

export function cdfFigure(f: CdfFigureSpec): FigureData {
  const points: Record<string, Cell>[] = [];
  const rows: Cell[][] = [];
  for (const s of f.series) {
    for (const p of FRACTIONS) {
      const ms = round(nearestRank(s.samplesMs, p));
      points.push({ color: s.color, variant: s.variant, ms, p });
      rows.push([s.color, s.variant, 'simulated', p, ms, '']);
    }
  }
  const marks = f.marks.map((m) => ({ color: m.color, variant: m.variant, ms: m.value.value, p: m.stat === 'median' ? 0.5 : 0.99, stat: STAT_LABEL[m.stat] }));
  for (const m of f.marks) rows.push([m.color, m.variant, PAPER, m.stat === 'median' ? 0.5 : 0.99, m.value.value, m.value.approx ? 'read off a figure or derived' : 'exact']);
  const all = [...points.map((p) => p.ms as number), ...marks.map((m) => m.ms)].filter((x) => x > 0);
  const colors = [...new Set(f.series.map((s) => s.color))];
  const variants = [...new Set(f.series.map((s) => s.variant))];
  const x = {
    field: 'ms',
    type: 'quantitative' as const,
    scale: { type: 'log' as const, domain: [Math.min(...all) / 1.5, Math.max(...all) * 1.5] },
    axis: { values: logTicks(Math.min(...all) / 1.5, Math.max(...all) * 1.5, true) },
    title: f.xTitle,
  };
  const y = { field: 'p', type: 'quantitative' as const, scale: { domain: [0, 1] }, title: 'fraction of requests (CDF)' };
  // Stroke symbols in the colour legend, so they are not read as the paper's hollow marks.
  const color = { field: 'color', type: 'nominal' as const, sort: colors, title: f.colorTitle, legend: { symbolType: 'stroke', titleLimit: 320 } };
  const spec: TopLevelSpec = {
    title: { text: f.title, subtitle: f.subtitle },
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: { x, y, color, strokeDash: { field: 'variant', type: 'nominal', sort: variants, title: f.variantTitle }, detail: { field: 'variant' } },
      },
      {
        data: { values: marks },
        mark: { type: 'point', size: 80, strokeWidth: 2, filled: false },
        encoding: { x, y, color, shape: { field: 'stat', type: 'nominal', sort: [STAT_LABEL.median, STAT_LABEL.p99], scale: { range: ['circle', 'diamond'] }, title: 'paper' } },
      },
    ],
    resolve: { scale: { color: 'shared' } },
  };
  return {
    spec,
    columns: [f.colorTitle, f.variantTitle, 'source', 'fraction', 'latency_ms', 'paper_exactness'],
    rows,
    series: f.series.map((s) => `${s.color} / ${s.variant}`),
    points: points.length,
    referencePoints: marks.length,
    notes: f.notes,
  };
}
