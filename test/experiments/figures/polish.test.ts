// Figure polish: legends show the encodings the marks use (line dashes, not dots), the canvas
// fits the plot (text measured in Helvetica, not vega's 0.8 em per character), and points with
// identical results stay visible.
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../../../src/experiments/figures/render.ts';
import { helveticaWidth, textWidth } from '../../../src/experiments/figures/text-width.ts';
import { generateFigure } from '../../../src/experiments/figures/registry.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const svgSize = (svg: string) => {
  const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};

/** The stroke-dasharray of each legend symbol, in order. */
const legendDashes = (svg: string) => [...svg.matchAll(/role-legend-symbol[\s\S]*?<\/g>/g)].flatMap((m) => [...m[0].matchAll(/stroke-dasharray="([^"]*)"/g)].map((d) => d[1]));

describe('text widths', () => {
  it('Helvetica advance widths: digits 0.556 em, "i" 0.222, bold wider, non-ASCII as a digit', () => {
    expect(helveticaWidth('0123456789', 10)).toBeCloseTo(55.6, 6);
    expect(helveticaWidth('i', 10)).toBeCloseTo(2.22, 6);
    expect(helveticaWidth('Cold', 12, true)).toBeGreaterThan(helveticaWidth('Cold', 12));
    expect(helveticaWidth('µ', 10)).toBeCloseTo(5.56, 6);
    expect(textWidth({ text: 'abc', fontSize: 20, fontWeight: 'bold' })).toBeCloseTo(helveticaWidth('abc', 20, true), 6);
    expect(textWidth({ fontSize: 10 }, ['ab', 'c'])).toBeCloseTo(helveticaWidth('ab c', 10), 6);
  });

  it('a long subtitle widens the canvas only as far as the text reaches', async () => {
    const subtitle = 'a subtitle of about one hundred characters, which vega alone would take to be 0.8 em per character';
    const spec: TopLevelSpec = {
      title: { text: 'T', subtitle },
      width: 200,
      height: 100,
      data: { values: [{ x: 1, y: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    };
    const { width } = svgSize(await renderSvg(spec));
    const text = helveticaWidth(subtitle, 11);
    expect(width).toBeGreaterThanOrEqual(text);
    expect(width).toBeLessThan(text + 60); // padding and the axis offset; vega's estimate was 0.8 * 11 * 101 = 889 px
  });
});

describe('legends show the encodings used', () => {
  const out = mkdtempSync(join(tmpdir(), 'fig-polish-'));
  it('transfer-latency: median solid, p99 dashed; reap-concurrency: SSD solid, HDD dashed', async () => {
    await generateFigure('transfer-latency', { out, quick: true });
    await generateFigure('reap-concurrency', { out, quick: true });
    for (const name of ['transfer-latency', 'reap-concurrency']) {
      const dashes = legendDashes(readFileSync(join(out, `${name}.svg`), 'utf8'));
      expect(dashes, name).toEqual(['1,0', '4,2']);
    }
  });
});
