// A 2019-format trace directory (real or synthetic) as an inspect table, read in one streaming
// pass per file; a function's duration and memory come from the first day that lists it.
import { readCountFile } from '../azure2019/counts.ts';
import { DURATION_PERCENTILES, readDurationFile } from '../azure2019/durations.ts';
import { availableDays, dayFiles } from '../azure2019/files.ts';
import { readMemoryFile } from '../azure2019/memory.ts';
import { InputError } from '../../input/errors.ts';
import { pointBuffer, type AppMemory, type FunctionRow, type TraceTable } from './table.ts';

export async function read2019(dir: string): Promise<TraceTable> {
  const days = availableDays(dir);
  if (days.length === 0) throw new InputError({ file: dir, message: 'no 2019-format invocation files found' });
  const rows = new Map<string, FunctionRow>();
  const apps = new Map<string, number>();
  const pcts = new Map<string, number[]>();
  const memory = new Map<string, AppMemory>();
  let periodic = 0,
    periodicEligible = 0,
    bursty = 0,
    burstyEligible = 0;
  // By calendar day (day d's hours at (d - 1) x 24), so a gap in the days stays a gap.
  const hourly = new Float64Array(24 * days[days.length - 1]!);
  for (const day of days) {
    const files = dayFiles(dir, day);
    await readCountFile(files.invocations, (r) => {
      const fk = `${r.owner}\u0000${r.app}\u0000${r.func}`;
      const ak = `${r.owner}\u0000${r.app}`;
      let row = rows.get(fk);
      if (!row) rows.set(fk, (row = { app: ak, trigger: r.trigger, invocations: 0, averageMs: null, minimumMs: null, maximumMs: null, perMinute: 0 }));
      row.invocations += r.total;
      apps.set(ak, (apps.get(ak) ?? 0) + r.total);
      const c = r.counts;
      const h0 = 24 * (day - 1);
      for (let m = 0; m < 1440; m++) hourly[h0 + Math.floor(m / 60)]! += c[m]!;
      let active = 0,
        prev = -1,
        gaps = 0,
        gapSum = 0,
        gapSq = 0;
      for (let m = 0; m < 1440; m++) {
        if (c[m]! > 0) {
          active++;
          if (prev >= 0) {
            const g = m - prev;
            gaps++;
            gapSum += g;
            gapSq += g * g;
          }
          prev = m;
        }
      }
      let isPeriodic = false;
      if (active >= 3) {
        periodicEligible++;
        const mean = gapSum / gaps;
        const sd = Math.sqrt(Math.max(0, gapSq / gaps - mean * mean));
        isPeriodic = sd / mean <= 0.05;
        if (isPeriodic) periodic++;
      }
      if (r.total >= 20) {
        burstyEligible++;
        if (!isPeriodic && active < 0.5 * 1440 * (1 - Math.exp(-r.total / 1440))) bursty++;
      }
    });
    if (files.durations) {
      await readDurationFile(files.durations, (r) => {
        const row = rows.get(`${r.owner}\u0000${r.app}\u0000${r.func}`);
        // Rows with a zero average are the published file's bad records.
        if (!row || row.averageMs !== null || !(r.averageMs > 0)) return;
        row.averageMs = r.averageMs;
        row.minimumMs = r.minimumMs;
        row.maximumMs = r.maximumMs;
        pcts.set(`${r.owner}\u0000${r.app}\u0000${r.func}`, r.percentilesMs);
      });
    }
    if (files.memory) {
      await readMemoryFile(files.memory, (r) => {
        const k = `${r.owner}\u0000${r.app}\u0000${r.func ?? ''}`;
        if (r.averageMb > 0 && !memory.has(k)) memory.set(k, { averageMb: r.averageMb, maximumMb: r.percentilesMb[r.percentilesMb.length - 1]! });
      });
    }
  }
  const points = pointBuffer();
  for (const [k, row] of rows) {
    row.perMinute = row.invocations / (1440 * days.length);
    const p = pcts.get(k);
    if (!p || row.invocations === 0) continue;
    for (let b = 1; b < DURATION_PERCENTILES.length; b++) {
      const mass = (DURATION_PERCENTILES[b]! - DURATION_PERCENTILES[b - 1]!) / 100;
      points.push((p[b - 1]! + p[b]!) / 2, mass * row.invocations);
    }
  }
  return {
    format: 'azure2019',
    source: dir,
    days,
    spanMinutes: 1440 * days.length,
    functions: [...rows.values()],
    apps,
    memory: [...memory.values()],
    durationPoints: points,
    hourly,
    periodic: [periodic, periodicEligible],
    bursty: [bursty, burstyEligible],
  };
}
