// Azure Functions 2021 trace reader (Zhang et al., SOSP 2021): exact start times and, by default,
// exact durations per invocation (as InVitro replays them); memory per app drawn from the 2019
// app-memory law (the 2021 trace has none; an assumption, docs/traces.md).
import { dirname } from 'node:path';
import type { RandomStream } from '../../engine/random.ts';
import { InputError } from '../../input/errors.ts';
import { detached, shortName } from '../azure2019/csv.ts';
import { durationDistribution } from '../azure2019/durations.ts';
import { checkRateScale, checkWindow } from '../azure2019/load.ts';
import { scaleCount } from '../azure2019/minute-counts.ts';
import { NameBook } from '../azure2019/names.ts';
import { sampleFunctions } from '../samplers.ts';
import type { Azure2021Options, TraceFunctionSpec, TraceReport, TraceWorkload } from '../trace-types.ts';
import { describeSample } from '../trace-types.ts';
import { MINUTE_US } from '../within-minute.ts';
import { readInvocationFile } from './read.ts';
import type { MinuteOffsets } from './stream.ts';
import { offsetWorkload } from './workload.ts';
import { grown } from '../../engine/grown.ts';
import { memoryMiB } from '../azure2019/memory.ts';
import { drawAppMemoryMb } from '../synth/shape.ts';

/** The conventional constant memory for the 2021 trace (InVitro, FaasCache studies), when asked for. */
export const DEFAULT_2021_MEMORY_MIB = 200;

/** Percentiles used for the per-function execution-time distribution, as in the 2019 files. */
const PCTS = [0, 1, 25, 50, 75, 99, 100];

/** Linear-interpolation percentile (NumPy's default) of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  const x = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(x);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (x - lo) * (sorted[hi]! - sorted[lo]!);
}

class Growable {
  fn = new Int32Array(1024);
  startUs = new Float64Array(1024);
  durationUs = new Float64Array(1024);
  length = 0;
  push(fn: number, startUs: number, durationUs: number): void {
    if (this.length === this.fn.length) {
      this.fn = grown(this.fn, this.length * 2);
      this.startUs = grown(this.startUs, this.length * 2);
      this.durationUs = grown(this.durationUs, this.length * 2);
    }
    this.fn[this.length] = fn;
    this.startUs[this.length] = startUs;
    this.durationUs[this.length++] = durationUs;
  }
}

export async function loadAzure2021(opts: Azure2021Options): Promise<TraceWorkload> {
  const file = opts.file;
  const scale = checkRateScale(opts.rateScale);
  const constantMemory = opts.memoryMiB;
  if (constantMemory !== undefined && !(constantMemory > 0)) throw new InputError({ file, message: `memoryMiB must be > 0, got ${constantMemory}` });
  const replay = (opts.durations ?? 'replay') === 'replay';
  const index = new Map<string, number>();
  const app: string[] = [],
    func: string[] = [];
  const durations: number[][] = [];
  const inv = new Growable();
  const ignoredRows: Record<string, number> = {};
  let maxStart = 0;
  await readInvocationFile(file, (r) => {
    const key = `${r.app}\u0000${r.func}`;
    let i = index.get(key);
    if (i === undefined) {
      i = app.length;
      index.set(key, i);
      app.push(detached(r.app));
      func.push(detached(r.func));
      durations.push([]);
    }
    let startS = r.endS - r.durationS;
    if (startS < 0) {
      // The publisher shifted timestamps; a start before 0 is kept at 0 rather than dropped.
      ignoredRows['negative-start-clamped'] = (ignoredRows['negative-start-clamped'] ?? 0) + 1;
      startS = 0;
    }
    const us = Math.round(startS * 1e6);
    if (us > maxStart) maxStart = us;
    inv.push(i, us, Math.round(r.durationS * 1e6));
    durations[i]!.push(r.durationS);
  });
  const n = app.length;
  const [ws, we] = checkWindow(opts.windowMinutes, Math.floor(maxStart / MINUTE_US) + 1, file);
  const lo = ws * MINUTE_US,
    hi = we * MINUTE_US;

  const inWindow = new Float64Array(n);
  for (let e = 0; e < inv.length; e++) {
    const t = inv.startUs[e]!;
    if (t >= lo && t < hi) inWindow[inv.fn[e]!]!++;
  }
  const dropped: Record<string, number> = {};
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    if (inWindow[i] === 0) dropped['outside-window'] = (dropped['outside-window'] ?? 0) + 1;
    else candidates.push(i);
  }
  const names = new NameBook();
  const name = app.map((a, i) => names.name(a, func[i]!));
  const chosen = sampleFunctions(
    candidates.map((i) => inWindow[i]!),
    opts.sample,
    opts.rng.stream('sample'),
  ).map((k) => candidates[k]!);
  if (candidates.length > chosen.length) dropped['not-sampled'] = candidates.length - chosen.length;

  // Rate scaling: each invocation is repeated floor(s) times plus one with probability frac(s), on
  // `rate/<name>` in file order; repeats share the original start time.
  const remap = new Int32Array(n).fill(-1);
  chosen.forEach((i, k) => (remap[i] = k));
  const streams: Array<RandomStream | undefined> = new Array(chosen.length);
  const copies = new Int32Array(inv.length);
  const totals = new Float64Array(chosen.length);
  const perMinute = new Int32Array(we - ws + 1);
  for (let e = 0; e < inv.length; e++) {
    const k = remap[inv.fn[e]!]!;
    const t = inv.startUs[e]!;
    if (k < 0 || t < lo || t >= hi) continue;
    const c = scale === 1 ? 1 : scaleCount(1, scale, (streams[k] ??= opts.rng.stream(`rate/${name[chosen[k]!]}`)));
    copies[e] = c;
    totals[k]! += c;
    perMinute[Math.floor((t - lo) / MINUTE_US) + 1]! += c;
  }
  const keep = new Int32Array(chosen.length).fill(-1);
  const functions: TraceFunctionSpec[] = [];
  const appFunctions = new Map<string, number>();
  for (const i of chosen) appFunctions.set(app[i]!, (appFunctions.get(app[i]!) ?? 0) + 1);
  const appMemoryMb = new Map<string, number>();
  const memoryOf = (a: string): number => {
    if (constantMemory !== undefined) return constantMemory;
    let mb = appMemoryMb.get(a);
    if (mb === undefined) appMemoryMb.set(a, (mb = drawAppMemoryMb(opts.rng.stream(`memory/${a}`))));
    return memoryMiB(mb, opts.memory === 'app' ? 1 : appFunctions.get(a)!);
  };
  chosen.forEach((i, k) => {
    if (totals[k] === 0) {
      dropped['scaled-to-zero'] = (dropped['scaled-to-zero'] ?? 0) + 1;
      return;
    }
    keep[k] = functions.length;
    const sorted = Float64Array.from(durations[i]!).sort();
    functions.push({
      name: name[i]!,
      app: app[i]!,
      owner: '',
      hash: func[i]!,
      trigger: 'unknown',
      memoryMiB: memoryOf(app[i]!),
      duration: durationDistribution(
        PCTS.map((p) => percentile(sorted, p) * 1000),
        PCTS,
      ),
      invocations: totals[k]!,
    });
  });

  if (replay) recordDurations(inv, copies, remap, keep, functions);

  const minutes = we - ws;
  for (let m = 0; m < minutes; m++) perMinute[m + 1]! += perMinute[m]!;
  const data: MinuteOffsets = {
    minutes,
    start: perMinute,
    fn: new Int32Array(perMinute[minutes]!),
    offset: new Int32Array(perMinute[minutes]!),
  };
  const fill = perMinute.slice(0, minutes);
  for (let e = 0; e < inv.length; e++) {
    const c = copies[e]!;
    if (c === 0) continue;
    const t = inv.startUs[e]! - lo;
    const m = Math.floor(t / MINUTE_US);
    for (let j = 0; j < c; j++) {
      const at = fill[m]!++;
      data.fn[at] = keep[remap[inv.fn[e]!]!]!;
      data.offset[at] = t - m * MINUTE_US;
    }
  }

  const report: TraceReport = {
    format: 'azure2021',
    dir: dirname(file),
    files: [shortName(file)],
    functionsRead: n,
    functionsKept: functions.length,
    dropped,
    ignoredRows,
    invocationsKept: functions.reduce((s, f) => s + f.invocations, 0),
    arrivals: replay ? 'exact' : 'exact-starts,redrawn-durations',
    sample: describeSample(opts.sample),
    rateScale: scale,
    windowMinutes: [ws, we],
  };
  return offsetWorkload(data, functions, report);
}

/**
 * Each kept function's recorded durations (us) in the order its arrivals leave the stream: by start,
 * ties by duration (tied starts are interchangeable), a rate-scaled copy next to its original.
 */
function recordDurations(inv: Growable, copies: Int32Array, remap: Int32Array, keep: Int32Array, functions: TraceFunctionSpec[]): void {
  const lists: number[][] = functions.map(() => []);
  for (let e = 0; e < inv.length; e++) {
    const c = copies[e]!;
    if (c === 0) continue;
    const list = lists[keep[remap[inv.fn[e]!]!]!]!;
    for (let j = 0; j < c; j++) list.push(e);
  }
  lists.forEach((list, k) => {
    list.sort((a, b) => inv.startUs[a]! - inv.startUs[b]! || inv.durationUs[a]! - inv.durationUs[b]!);
    functions[k]!.recordedUs = Float64Array.from(list, (e) => inv.durationUs[e]!);
  });
}
