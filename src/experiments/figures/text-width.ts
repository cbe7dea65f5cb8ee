// Text widths for headless figure rendering. Without a canvas, vega estimates every character as
// 0.8 em wide (vega-scenegraph `_estimateWidth`), about 1.5x Helvetica's average, so long titles
// and legends made each SVG canvas far wider than the plot. This measures with Helvetica's
// advance widths instead (Adobe's Helvetica AFM, one of the PDF standard-14 font metrics, in
// 1/1000 em), the font the figures ask for (render.ts).

/** Advance widths of ASCII 32..126 in Helvetica (AFM `WX`), 1/1000 em. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 .. ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ .. O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P .. _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` .. o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p .. ~
];
/** Characters outside ASCII: a digit's width (an assumption; the figures use few). */
const OTHER = 556;
/**
 * Helvetica-Bold runs 5-10% wider than Helvetica for the same text (its AFM: a 556 vs 556, n 611
 * vs 556, m 889 vs 833); 10% keeps bold titles from being clipped (an assumption, not a table).
 */
const BOLD = 1.1;

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
}

export function helveticaWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    units += c >= 32 && c <= 126 ? HELVETICA[c - 32]! : OTHER;
  }
  return (units / 1000) * fontSize * (bold ? BOLD : 1);
}

/** A `textMetrics.width` for vega: (item, text?) -> pixels. 11 px is vega's default font size. */
export function textWidth(item: TextItem, text?: unknown): number {
  const t = text ?? item.text ?? '';
  const w = item.fontWeight;
  const bold = w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 600) || (typeof w === 'string' && Number(w) >= 600);
  return helveticaWidth(Array.isArray(t) ? t.join(' ') : String(t), item.fontSize ?? 11, bold);
}
