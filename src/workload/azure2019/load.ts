// Azure Functions 2019 trace reader (Shahrad et al., "Serverless in the Wild", ATC 2020): joins
// per-minute counts, duration percentiles and memory percentiles of the chosen days, says what it
// dropped and why, samples, scales rates, and replays the counts minute by minute.
import type { RandomStream } from '../../engine/random.ts';
import { InputError } from '../../input/errors.ts';
import { MAX_RATE_SCALE } from '../../input/limits.ts';
import { sampleFunctions } from '../samplers.ts';
import type { Azure2019Options, TraceFunctionSpec, TraceReport, TraceWorkload } from '../trace-types.ts';
import { describeSample } from '../trace-types.ts';
import { arrivalName, ARRIVAL_MODES } from '../within-minute.ts';
import { MINUTES_PER_DAY, readCountFile } from './counts.ts';
import { detached, shortName } from './csv.ts';
import { durationDistribution, readDurationFile } from './durations.ts';
import { dayFiles } from './files.ts';
import { memoryDistribution, memoryMiB, readMemoryFile, type MemoryRow } from './memory.ts';
import { CountEntries, packMinuteCounts, scaleCounts } from './minute-counts.ts';
import { NameBook } from './names.ts';
import { minuteCountsWorkload } from './workload.ts';

const bump = (r: Record<string, number>, k: string, n = 1): void => {
  r[k] = (r[k] ?? 0) + n;
};

export function checkWindow(w: [number, number] | undefined, total: number, file: string): [number, number] {
  const [s, e] = w ?? [0, total];
  if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e <= s) {
    throw new InputError({ file, message: `windowMinutes must be integers with 0 <= start < end, got [${s}, ${e}]` });
  }
  if (s >= total) {
    throw new InputError({ file, message: `windowMinutes [${s}, ${e}] starts at or past the end of the trace (${total} minutes)` });
  }
  return [s, Math.min(e, total)];
}

export function checkRateScale(x: number | undefined): number {
  const s = x ?? 1;
  if (!(Number.isFinite(s) && s > 0 && s <= MAX_RATE_SCALE)) {
    throw new InputError({ message: `rateScale must be > 0 and <= ${MAX_RATE_SCALE}, got ${s}` });
  }
  return s;
}

export async function loadAzure2019(opts: Azure2019Options): Promise<TraceWorkload> {
  const dir = opts.dir;
  const days = opts.days ?? [1];
  days.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || (i > 0 && d <= days[i - 1]!)) {
      throw new InputError({ file: dir, message: `days must be strictly increasing integers >= 1, got [${days.join(', ')}]` });
    }
  });
  const mode = opts.arrivals ?? 'exponential';
  if (!ARRIVAL_MODES.includes(mode)) throw new InputError({ file: dir, message: `unknown arrival mode "${mode}"` });
  const shift = opts.shift ?? true;
  const scale = checkRateScale(opts.rateScale);
  const [ws, we] = checkWindow(opts.windowMinutes, days.length * MINUTES_PER_DAY, dir);
  const dropped: Record<string, number> = {};
  const ignoredRows: Record<string, number> = {};
  const files: string[] = [];

  // --- invocation counts: one entry per (function, active minute inside the window) ---
  const index = new Map<string, number>();
  const owner: string[] = [],
    app: string[] = [],
    func: string[] = [],
    trigger: string[] = [];
  const totalAll: number[] = [],
    totalWindow: number[] = [];
  const entries = new CountEntries();
  const dayList = days.map((d) => dayFiles(dir, d));
  for (let d = 0; d < dayList.length; d++) {
    files.push(shortName(dayList[d]!.invocations));
    const seenToday = new Set<number>();
    const base = d * MINUTES_PER_DAY;
    await readCountFile(dayList[d]!.invocations, (row) => {
      const key = `${row.owner}\u0000${row.app}\u0000${row.func}`;
      let i = index.get(key);
      if (i === undefined) {
        i = owner.length;
        index.set(key, i);
        owner.push(detached(row.owner));
        app.push(detached(row.app));
        func.push(detached(row.func));
        trigger.push(detached(row.trigger));
        totalAll.push(0);
        totalWindow.push(0);
      } else if (seenToday.has(i)) {
        bump(dropped, 'duplicate');
        return;
      }
      seenToday.add(i);
      totalAll[i]! += row.total;
      if (row.total === 0) return;
      const lo = Math.max(0, ws - base),
        hi = Math.min(MINUTES_PER_DAY, we - base);
      for (let m = lo; m < hi; m++) {
        const c = row.counts[m]!;
        if (c > 0) {
          entries.push(i, base + m - ws, c);
          totalWindow[i]! += c;
        }
      }
    });
  }
  const n = owner.length;

  // --- durations: the first valid row over the chosen days; FaasCache's functions-per-app count ---
  const durPcts: Array<number[] | undefined> = new Array(n);
  const zeroAvg = new Uint8Array(n);
  const funcsPerApp = new Map<string, number>();
  const seenDurKeys = new Set<string>();
  let anyDurations = false;
  for (const df of dayList) {
    if (!df.durations) continue;
    anyDurations = true;
    files.push(shortName(df.durations));
    const inFile = new Set<string>();
    await readDurationFile(df.durations, (r) => {
      const key = `${r.owner}\u0000${r.app}\u0000${r.func}`;
      if (inFile.has(key)) return bump(ignoredRows, 'duplicate-duration-rows');
      inFile.add(key);
      if (!seenDurKeys.has(key)) {
        seenDurKeys.add(key);
        const ak = `${r.owner}\u0000${r.app}`;
        funcsPerApp.set(ak, (funcsPerApp.get(ak) ?? 0) + 1);
      }
      const i = index.get(key);
      if (i === undefined) return bump(ignoredRows, 'durations-without-invocations');
      if (durPcts[i]) return;
      if (r.averageMs > 0) durPcts[i] = r.percentilesMs;
      else zeroAvg[i] = 1;
    });
  }
  if (!anyDurations) throw new InputError({ file: dir, message: 'no duration percentiles file for the chosen days' });

  // --- memory: per app (published) or per function (vHive loader variant) ---
  const appMem = new Map<string, MemoryRow>();
  const fnMem = new Map<string, MemoryRow>();
  const zeroMem = new Set<string>();
  const readMem = new Set<string>();
  for (const df of dayList) {
    if (!df.memory || readMem.has(df.memory)) continue;
    readMem.add(df.memory);
    files.push(shortName(df.memory));
    const inFile = new Set<string>();
    await readMemoryFile(df.memory, (r) => {
      const key = r.func !== undefined ? `${r.owner}\u0000${r.app}\u0000${r.func}` : `${r.owner}\u0000${r.app}`;
      if (inFile.has(key)) return bump(ignoredRows, 'duplicate-memory-rows');
      inFile.add(key);
      const map = r.func !== undefined ? fnMem : appMem;
      if (map.has(key)) return;
      if (r.averageMb > 0) map.set(key, r);
      else zeroMem.add(key);
    });
  }
  if (readMem.size === 0) throw new InputError({ file: dir, message: 'no memory percentiles file for the chosen days (or an earlier day)' });

  // --- join: the first failing check names the reason ---
  const names = new NameBook();
  const name = owner.map((_, i) => names.name(app[i]!, func[i]!));
  const candidates: number[] = [];
  const memOf: Array<{ row: MemoryRow; share: number }> = new Array(n);
  for (let i = 0; i < n; i++) {
    const fk = `${owner[i]}\u0000${app[i]}\u0000${func[i]}`;
    const ak = `${owner[i]}\u0000${app[i]}`;
    let reason: string | undefined;
    if (totalAll[i] === 0) reason = 'no-invocations';
    else if (totalWindow[i] === 0) reason = 'outside-window';
    else if (!durPcts[i]) reason = zeroAvg[i] ? 'zero-average' : 'missing-duration-join';
    else {
      const f = fnMem.get(fk);
      const a = appMem.get(ak);
      if (f) memOf[i] = { row: f, share: 1 };
      else if (a) memOf[i] = { row: a, share: opts.memory === 'app' ? 1 : Math.max(1, funcsPerApp.get(ak) ?? 1) };
      else reason = zeroMem.has(fk) || zeroMem.has(ak) ? 'zero-memory' : 'missing-memory-join';
    }
    if (reason) bump(dropped, reason);
    else candidates.push(i);
  }

  // --- sample, then scale rates (per-function streams, so sampling never shifts other draws) ---
  const chosen = sampleFunctions(
    candidates.map((i) => totalWindow[i]!),
    opts.sample,
    opts.rng.stream('sample'),
  ).map((k) => candidates[k]!);
  if (candidates.length > chosen.length) bump(dropped, 'not-sampled', candidates.length - chosen.length);
  const remap = new Int32Array(n).fill(-1);
  chosen.forEach((i, k) => (remap[i] = k));
  const rateStream = (k: number): RandomStream => opts.rng.stream(`rate/${name[chosen[k]!]}`);
  const { scaled, totals } = scaleCounts(entries, remap, chosen.length, scale, rateStream);
  const keep = new Int32Array(chosen.length).fill(-1);
  const functions: TraceFunctionSpec[] = [];
  chosen.forEach((i, k) => {
    if (totals[k]! === 0) return bump(dropped, 'scaled-to-zero');
    keep[k] = functions.length;
    const mem = memOf[i]!;
    functions.push({
      name: name[i]!,
      app: app[i]!,
      owner: owner[i]!,
      hash: func[i]!,
      trigger: trigger[i]!,
      memoryMiB: memoryMiB(mem.row.averageMb, mem.share),
      memoryDistribution: memoryDistribution(mem.row.percentilesMb, mem.share),
      duration: durationDistribution(durPcts[i]!),
      invocations: totals[k]!,
    });
  });
  const counts = packMinuteCounts(
    entries,
    scaled,
    remap.map((k) => (k < 0 ? -1 : keep[k]!)),
    we - ws,
  );

  const report: TraceReport = {
    format: 'azure2019',
    dir,
    files,
    functionsRead: n + (dropped['duplicate'] ?? 0),
    functionsKept: functions.length,
    dropped,
    ignoredRows,
    invocationsKept: functions.reduce((s, f) => s + f.invocations, 0),
    arrivals: arrivalName(mode, shift),
    sample: describeSample(opts.sample),
    rateScale: scale,
    windowMinutes: [ws, we],
  };
  return minuteCountsWorkload(counts, functions, report, mode, shift);
}
