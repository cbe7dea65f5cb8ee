// Small checks on vega's SVG output for the figure tests: well-formed tag nesting, and counts of
// marks (vega tags each with aria-roledescription) and legend entries.

/** Throws unless the text is one <svg> element whose tags nest properly. */
export function assertWellFormedSvg(svg: string): void {
  if (!svg.startsWith('<svg')) throw new Error(`does not start with <svg: ${svg.slice(0, 40)}`);
  const stack: string[] = [];
  let roots = 0;
  for (const m of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, close, name, , selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}> at offset ${m.index}`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) throw new Error(`unclosed: <${stack.join('> <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  if (!svg.trimEnd().endsWith('</svg>')) throw new Error('does not end with </svg>');
}

/** Number of marks vega drew with this role description ("bar", "point", "line mark"). */
export function countMarks(svg: string, role: string): number {
  return svg.split(`aria-roledescription="${role}"`).length - 1;
}

/** The labels of every legend entry, in order. */
export function legendLabels(svg: string): string[] {
  const out: string[] = [];
  for (const g of svg.matchAll(/<g class="mark-text role-legend-label"[^>]*>(.*?)<\/g>/g)) {
    for (const t of g[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) out.push(t[1]!);
  }
  return out;
}
