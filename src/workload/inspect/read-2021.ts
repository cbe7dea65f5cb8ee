// A 2021 per-invocation trace file as an inspect table: each (app, func) with its invocations and
// exact average, minimum and maximum duration; every invocation's duration as a point.
import { readInvocationFile } from '../azure2021/read.ts';
import { MINUTE_US } from '../within-minute.ts';
import { pointBuffer, type FunctionRow, type TraceTable } from './table.ts';

export async function read2021(file: string): Promise<TraceTable> {
  const rows = new Map<string, FunctionRow & { sumMs: number }>();
  const apps = new Map<string, number>();
  const points = pointBuffer();
  let lastStartUs = 0;
  await readInvocationFile(file, (r) => {
    const k = `${r.app}\u0000${r.func}`;
    const ms = r.durationS * 1000;
    let row = rows.get(k);
    if (!row) rows.set(k, (row = { app: r.app, trigger: null, invocations: 0, averageMs: null, minimumMs: Infinity, maximumMs: 0, perMinute: 0, sumMs: 0 }));
    row.invocations++;
    row.sumMs += ms;
    row.minimumMs = Math.min(row.minimumMs!, ms);
    row.maximumMs = Math.max(row.maximumMs!, ms);
    apps.set(r.app, (apps.get(r.app) ?? 0) + 1);
    points.push(ms, 1);
    lastStartUs = Math.max(lastStartUs, Math.round(Math.max(0, r.endS - r.durationS) * 1e6));
  });
  // The loader's window: whole minutes up to the last start.
  const spanMinutes = Math.floor(lastStartUs / MINUTE_US) + 1;
  const functions: FunctionRow[] = [];
  for (const row of rows.values()) {
    const { sumMs, ...f } = row;
    f.averageMs = sumMs / f.invocations;
    f.perMinute = f.invocations / spanMinutes;
    functions.push(f);
  }
  return {
    format: 'azure2021',
    source: file,
    days: [],
    spanMinutes,
    functions,
    apps,
    memory: [],
    durationPoints: points,
    hourly: null,
    periodic: null,
    bursty: null,
  };
}
