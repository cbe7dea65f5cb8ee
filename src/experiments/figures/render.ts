// vega-lite spec -> SVG text, headless (vega's 'none' renderer: no browser, no canvas), with one
// shared look so every figure matches. vega and vega-lite are loaded on the first render: they
// take ~0.3 s to import, which every other command (`sim --help`, `sim run`) used to pay.
import type { TopLevelSpec } from 'vega-lite';
import { textWidth } from './text-width.ts';

/** Shared look: a plain sans-serif font and a fixed size, so output does not depend on the host. */
export const FIGURE_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  view: { continuousWidth: 520, continuousHeight: 320, stroke: '#888' },
  title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555', anchor: 'start' as const },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
};

/** Renders a vega-lite spec to SVG. Same spec and data -> same bytes (no time, no randomness). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const withConfig: TopLevelSpec = { ...spec, config: { ...FIGURE_CONFIG, ...(spec.config ?? {}) } };
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  // Measured, not vega's 0.8 em per character: the canvas then fits the plot (see text-width.ts).
  // vega exports textMetrics (from vega-scenegraph) but its typings leave it out.
  (vega as unknown as { textMetrics: { width: typeof textWidth } }).textMetrics.width = textWidth;
  const view = new vega.View(vega.parse(vl.compile(withConfig).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Powers of ten (and 2x, 5x when `fine`) covering [lo, hi]: tidy log-axis ticks without minor-tick clutter. */
export function logTicks(lo: number, hi: number, fine = false): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of fine ? [1, 2, 5] : [1]) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out;
}
