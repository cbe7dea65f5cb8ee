// The text `sim compare` prints: the metric table, the per-function movers and the checks.
import type { Comparison, Delta, MetricRow } from './compare.ts';
import type { CheckOutcome } from './fail-if.ts';

/** A number without float noise (0.052493000000000005 -> 0.052493). */
export function num(v: number | null): string {
  if (v === null) return '-';
  return String(Number(v.toPrecision(12)));
}

function signed(v: number): string {
  return `${v > 0 ? '+' : ''}${num(v)}`;
}

export function pct(d: Delta): string {
  if (d.abs === null) return '-';
  if (d.rel === null) return d.abs > 0 ? '+inf%' : '-inf%';
  const p = 100 * d.rel;
  return `${p > 0 ? '+' : ''}${Number(p.toFixed(1)) === 0 && p !== 0 ? p.toPrecision(2) : p.toFixed(1)}%`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], leftCols = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i < leftCols ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function changed(row: MetricRow): boolean {
  return row.deltas.some((d) => d.abs !== 0);
}

export function formatComparison(c: Comparison, opts: { changedOnly: boolean }): string {
  const out: string[] = [];
  c.runs.forEach((r, i) =>
    out.push(`${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}  ${r.dir}  (scenario ${String(r.scenario)}, seed ${String(r.seed)})`),
  );
  const names = c.runs.map((_, i) => `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`);
  const header = ['metric', names[0]!];
  for (const n of names.slice(1)) header.push(n, `${n}-${names[0]}`, `%`);
  const rows = c.metrics
    .filter((m) => !opts.changedOnly || changed(m))
    .map((m) => {
      const cells = [m.path, num(m.values[0]!)];
      m.deltas.forEach((d, i) => cells.push(num(m.values[i + 1]!), d.abs === null ? '-' : signed(d.abs), pct(d)));
      return cells;
    });
  out.push('');
  if (rows.length === 0) out.push(opts.changedOnly ? 'no summary metric changed' : 'no numeric summary metrics');
  else out.push(...table(header, rows));
  const unchanged = c.metrics.length - rows.length;
  if (opts.changedOnly && unchanged > 0) out.push(`(${unchanged} unchanged metric(s) not shown)`);
  for (const f of c.functions) {
    const n = names[f.run]!;
    out.push('', `functions that moved most, ${n} against ${names[0]}:`);
    for (const col of f.byColumn) {
      if (col.movers.length === 0) {
        out.push(`  ${col.column}: no change`);
        continue;
      }
      out.push(`  ${col.column}:`);
      out.push(
        ...table(
          ['function', names[0]!, n, 'change', '%'],
          col.movers.map((m) => [m.function, num(m.baseline), num(m.value), signed(m.abs), pct({ abs: m.abs, rel: m.rel })]),
        ).map((l) => `    ${l}`),
      );
    }
    if (f.onlyInBaseline.length) out.push(`  only in ${names[0]}: ${f.onlyInBaseline.join(', ')}`);
    if (f.onlyInRun.length) out.push(`  only in ${n}: ${f.onlyInRun.join(', ')}`);
  }
  return out.join('\n');
}

export function formatChecks(outcomes: readonly CheckOutcome[]): string {
  return outcomes
    .map((o) => {
      const head = `${o.failed ? 'FAIL' : 'ok  '}  --fail-if ${o.check.text}`;
      return [head, ...o.notes.map((n) => `      ${n}`)].join('\n');
    })
    .join('\n');
}
