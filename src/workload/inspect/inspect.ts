// `sim trace inspect`: a 2019-format trace directory or a 2021 per-invocation file, its statistics
// next to the published targets with a pass/fail mark (targets.ts), as text or JSON.
import { basename } from 'node:path';
import { statSync } from 'node:fs';
import { InputError } from '../../input/errors.ts';
import { read2019 } from './read-2019.ts';
import { read2021 } from './read-2021.ts';
import { computeStats, verdicts, type TraceStats, type Verdict } from './stats.ts';
import type { Target } from './targets.ts';

export type { TraceStats, Verdict } from './stats.ts';

export interface Inspection {
  stats: TraceStats;
  verdicts: Verdict[];
  /** Targets missed (measurable and outside their band). */
  missed: number;
}

/** A folder is read as the 2019 layout, a file as the 2021 per-invocation CSV. */
export async function inspectTrace(path: string): Promise<Inspection> {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new InputError({ file: path, message: 'does not exist: expected a folder of 2019-format trace files or a 2021 per-invocation CSV file' });
  const table = st.isDirectory() ? await read2019(path) : await read2021(path);
  const stats = computeStats(table);
  const v = verdicts(stats);
  return { stats, verdicts: v, missed: v.filter((x) => x.pass === false).length };
}

function show(x: number | null, unit: Target['unit']): string {
  if (x === null) return 'n/a';
  switch (unit) {
    case 'share':
      return `${(100 * x).toFixed(1)}%`;
    case 'ratio':
      return x.toFixed(2);
    case 'orders':
      return x.toFixed(1);
    default:
      return x >= 100 ? x.toFixed(0) : x.toFixed(1);
  }
}

const band = (t: Target): string => `${show(t.value, t.unit)} [${show(t.lo, t.unit)}, ${show(t.hi, t.unit)}]`;

/** A plain-text table: statistic, this trace, target [band], mark; then the source of each target. */
export function formatInspection(r: Inspection): string {
  const s = r.stats;
  const p = s.invocationPercentilesMs;
  const info: Array<[string, string]> = [
    ['format', s.format],
    ['apps', String(s.apps)],
    ['functions', String(s.functions)],
    [s.format === 'azure2019' ? 'days' : 'minutes spanned', s.format === 'azure2019' ? s.days.join(',') : String(s.spanMinutes)],
    ['invocations', String(s.invocations)],
    ['mean busy instances (sum of rate x average)', s.meanBusyInstances === null ? 'n/a' : s.meanBusyInstances.toFixed(1)],
    ['per-invocation duration p50/p90/p99/max (ms)', p ? [p.p50, p.p90, p.p99, p.max].map((x) => show(x, 'ms')).join(' / ') : 'n/a'],
  ];
  const rows = r.verdicts.map((v): [string, string, string, string] => [
    v.target.label,
    show(v.value, v.target.unit),
    band(v.target),
    v.pass === null ? 'n/a' : v.pass ? 'ok' : 'MISS',
  ]);
  const w0 = Math.max(...rows.map((x) => x[0].length), ...info.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length), 'trace'.length);
  const w2 = Math.max(...rows.map((x) => x[2].length), 'target [band]'.length);
  const lines = [`trace: ${basename(s.source)} (${s.source})`];
  for (const [a, b] of info) lines.push(`${a.padEnd(w0)}  ${b}`);
  lines.push('', `${'statistic'.padEnd(w0)}  ${'trace'.padStart(w1)}  ${'target [band]'.padEnd(w2)}  mark`);
  for (const [a, b, c, d] of rows) lines.push(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padEnd(w2)}  ${d}`);
  const measured = r.verdicts.filter((v) => v.pass !== null).length;
  lines.push(
    '',
    `${measured - r.missed} of ${measured} measurable targets met${r.missed ? `, ${r.missed} missed` : ''}; sources: docs/traces.md "Targets" (src/workload/inspect/targets.ts)`,
  );
  return lines.join('\n');
}

/** JSON form: the statistics and each target's value, band, mark and source. */
export function inspectionJson(r: Inspection): unknown {
  return {
    ...r.stats,
    missed: r.missed,
    targets: r.verdicts.map((v) => ({
      key: v.target.key,
      value: v.value,
      target: v.target.value,
      lo: v.target.lo,
      hi: v.target.hi,
      pass: v.pass,
      source: v.target.source,
    })),
  };
}
