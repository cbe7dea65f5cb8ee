// One self-contained HTML page: the vega, vega-lite scripts from node_modules inlined (no network
// at view time), the chart specs and tables as JSON and HTML, and a little script that renders
// the charts to SVG and makes the tables sortable. Same inputs -> same bytes (no dates).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from '../read-run.ts';
import type { Chart } from './run-charts.ts';

/** The second line of every report: how `sim report` knows a file it may replace. */
export const REPORT_MARKER = '<!-- written by "sim report" (serverless-dc-sim): replaced when the report is written again -->';

export interface Section {
  readonly title: string;
  /** A line under the title. */
  readonly note?: string;
  readonly chart?: Chart;
  readonly table?: Table;
  /** Preformatted text (e.g. the whole summary.json). */
  readonly pre?: string;
  /** Folded by default. */
  readonly folded?: boolean;
  /** Laid out side by side with the next compact sections (small multiples). */
  readonly compact?: boolean;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JavaScript safe inside a <script> element: a "</script" would end it early, and "<!--" can
 * change how the parser reads the rest. Both are escaped in a way that means the same in a
 * string or a regular expression (and neither can occur in code outside those).
 */
function scriptText(s: string): string {
  return s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON safe inside a <script> element: every "<" (only ever inside strings) as \u003c. */
function jsonText(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

/** The minified browser build of a package, found through its main entry (the build folder). */
function browserBuild(pkg: string, file: string): string {
  const require = createRequire(import.meta.url);
  return readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8');
}

function tableHtml(t: Table, id: string): string {
  const numeric = t.columns.map((_, i) => t.rows.length > 0 && t.rows.every((r) => r[i] === '' || Number.isFinite(Number(r[i]))));
  const head = t.columns.map((c, i) => `<th data-type="${numeric[i] ? 'number' : 'text'}" title="click to sort">${escapeHtml(c)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table class="sortable" id="${id}"><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 1100px; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.note { color: #555; font-size: 0.9em; margin-top: -0.5em; }
.scroll { overflow: auto; max-height: 32em; border: 1px solid #ddd; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { padding: 2px 8px; border-bottom: 1px solid #eee; white-space: nowrap; }
th { position: sticky; top: 0; background: #f4f4f4; cursor: pointer; user-select: none; text-align: left; }
th[aria-sort="ascending"]::after { content: " \\25B2"; } th[aria-sort="descending"]::after { content: " \\25BC"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f8f8f8; padding: 0.8em; overflow: auto; max-height: 30em; }
.error { color: #b00; }
section.compact { display: inline-block; vertical-align: top; margin-right: 1.5em; }
section.compact h2 { font-size: 0.95em; }
`;

const SCRIPT = `
(function () {
  var specs = JSON.parse(document.getElementById('report-specs').textContent);
  var status = { charts: specs.length, rendered: 0, errors: [] };
  window.reportStatus = status;
  function fail(id, e) {
    status.errors.push(id + ': ' + (e && e.message ? e.message : String(e)));
    var el = document.getElementById('chart-' + id);
    if (el) el.innerHTML = '<p class="error">chart failed: ' + String(e && e.message ? e.message : e).replace(/</g, '&lt;') + '</p>';
    console.error(e);
  }
  Promise.all(specs.map(function (c) {
    try {
      var view = new vega.View(vega.parse(vegaLite.compile(c.spec).spec), { renderer: 'svg', container: '#chart-' + c.id, hover: true });
      return view.runAsync().then(function () { status.rendered++; }, function (e) { fail(c.id, e); });
    } catch (e) { fail(c.id, e); return Promise.resolve(); }
  })).then(function () { document.body.setAttribute('data-rendered', status.errors.length ? 'error' : 'true'); });

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var ths = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(ths, function (th, i) {
      th.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(ths, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var num = th.getAttribute('data-type') === 'number';
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        rows.sort(function (a, b) {
          var x = a.cells[i].textContent, y = b.cells[i].textContent;
          var d;
          if (num) {
            // Empty cells last whichever the direction.
            if (x === '' || y === '') return (x === '') - (y === '');
            d = Number(x) - Number(y);
          } else d = x < y ? -1 : x > y ? 1 : 0;
          return asc ? d : -d;
        });
        rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
      });
    });
  });
})();
`;

export function renderPage(title: string, subtitle: string, sections: readonly Section[]): string {
  const charts = sections.flatMap((s) => (s.chart ? [{ id: s.chart.id, spec: s.chart.spec }] : []));
  let tables = 0;
  const body = sections
    .map((s) => {
      const parts = [`<h2>${escapeHtml(s.title)}</h2>`];
      if (s.note) parts.push(`<p class="note">${escapeHtml(s.note)}</p>`);
      if (s.chart) parts.push(`<div class="chart" id="chart-${s.chart.id}"></div>`);
      if (s.table) parts.push(tableHtml(s.table, `table-${++tables}`));
      if (s.pre !== undefined) parts.push(`<pre>${escapeHtml(s.pre)}</pre>`);
      const inner = parts.join('\n');
      if (s.folded) return `<details><summary>${escapeHtml(s.title)}</summary>\n${parts.slice(1).join('\n')}\n</details>`;
      return `<section${s.compact ? ' class="compact"' : ''}>\n${inner}\n</section>`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    REPORT_MARKER,
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    `<script>${scriptText(browserBuild('vega', 'vega.min.js'))}</script>`,
    `<script>${scriptText(browserBuild('vega-lite', 'vega-lite.min.js'))}</script>`,
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="note">${escapeHtml(subtitle)}</p>`,
    body,
    `<script type="application/json" id="report-specs">${jsonText(charts)}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
