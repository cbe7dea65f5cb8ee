// `sim trace synth`: writes a synthetic Azure-like trace in the 2019 file layout (invocation
// counts, duration percentiles, app memory percentiles; one file of each per day).
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError, listNames } from '../../input/errors.ts';
import { publishedNames } from '../azure2019/files.ts';
import { DURATION_PERCENTILES } from '../azure2019/durations.ts';
import { MEMORY_PERCENTILES } from '../azure2019/memory.ts';
import { FunctionCounter } from './counts.ts';
import { buildModel, type SynthFunction, type SynthOptions } from './model.ts';
import { normalQuantile } from './normal-quantile.ts';
import { TIMEOUT_MS, Z } from './shape.ts';

export interface SynthResult {
  dir: string;
  files: string[];
  apps: number;
  functions: number;
  days: number;
  invocations: number;
}

/**
 * Buffered synchronous writer: deterministic output without stream back-pressure bookkeeping.
 * Writes a temporary sibling renamed into place on close, so an interrupted run leaves no
 * half-written trace file under a real name.
 */
class LineWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly path: string) {
    this.tmp = join(dirname(path), `.tmp-${basename(path)}-${process.pid}`);
    this.fd = openSync(this.tmp, 'w');
  }
  line(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join('\n') + '\n');
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }
}

/** Trims float noise: at most 3 decimals, no trailing zeros. */
const num = (x: number): string => String(Math.round(x * 1000) / 1000);

const DURATION_Z = [Z.p0_1, Z.p1, Z.p25, Z.p50, Z.p75, Z.p99, Z.p99_9];
/** AverageAllocatedMb_pct1..pct99 (pct100 is the app's maximum). */
const MEMORY_Z = [Z.p1, Z.p5, Z.p25, Z.p50, Z.p75, Z.p95, Z.p99];

/**
 * A day's durations row: the function's log-normal executions (median = average x exp(-s^2/2)),
 * Minimum and Maximum at the expected extremes of `count` executions (z = z(1 - 1/(count + 1))),
 * the 30-s-average percentiles at fixed quantiles inside [Minimum, Maximum]; all capped at the timeout.
 */
export function durationColumns(f: SynthFunction, count: number): { min: number; max: number; pct: number[] } {
  const s = f.durationSpread;
  const median = f.averageMs * Math.exp((-s * s) / 2);
  const zn = normalQuantile(1 - 1 / (count + 1));
  const max = Math.min(TIMEOUT_MS, median * Math.exp(s * zn));
  const min = Math.min(max, median * Math.exp(-s * zn));
  return { min, max, pct: DURATION_Z.map((z) => Math.min(max, Math.max(min, median * Math.exp(s * z)))) };
}

/**
 * Refuses to overwrite trace files that are already there (they may be a real trace) unless
 * `force`; with it, only the files of these names are replaced, nothing else in the folder.
 */
function checkTargets(out: string, days: number, force: boolean): void {
  if (force) return;
  const present: string[] = [];
  for (let d = 1; d <= days; d++) {
    for (const n of [publishedNames.invocations(d), publishedNames.durations(d), publishedNames.memory(d)]) {
      if (existsSync(join(out, n))) present.push(n);
    }
  }
  if (present.length) {
    throw new InputError({
      file: out,
      where: '--out',
      message: `already holds trace files (${listNames(present, 3)}): choose another folder, or pass --force to replace those files`,
    });
  }
}

export function synthesizeTrace(opts: SynthOptions & { out: string; force?: boolean }): SynthResult {
  checkTargets(opts.out, opts.days, opts.force ?? false);
  const model = buildModel(opts);
  const { apps, functions } = model;
  mkdirSync(opts.out, { recursive: true });
  const counters = functions.map((f, i) => new FunctionCounter(f, model.rng.stream(`synth/counts/${i}`)));
  const counts = new Int32Array(1440);
  const files: string[] = [];
  let invocations = 0;
  const minuteHeader = Array.from({ length: 1440 }, (_, m) => m + 1).join(',');
  for (let d = 1; d <= opts.days; d++) {
    const names = [publishedNames.invocations(d), publishedNames.durations(d), publishedNames.memory(d)];
    files.push(...names);
    const inv = new LineWriter(join(opts.out, names[0]!));
    const dur = new LineWriter(join(opts.out, names[1]!));
    const mem = new LineWriter(join(opts.out, names[2]!));
    inv.line(`HashOwner,HashApp,HashFunction,Trigger,${minuteHeader}`);
    dur.line(`HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,${DURATION_PERCENTILES.map((p) => `percentile_Average_${p}`).join(',')}`);
    mem.line(`HashOwner,HashApp,SampleCount,AverageAllocatedMb,${MEMORY_PERCENTILES.map((p) => `AverageAllocatedMb_pct${p}`).join(',')}`);
    for (const app of apps) {
      let activeMinutes = 0;
      for (let i = app.first; i < app.first + app.count; i++) {
        const f = functions[i]!;
        const total = counters[i]!.day(d - 1, counts);
        invocations += total;
        for (let m = 0; m < 1440; m++) if (counts[m]! > 0) activeMinutes++;
        inv.line(`${app.owner},${app.hash},${f.hash},${f.trigger},${counts.join(',')}`);
        // The published durations file lists functions that ran that day.
        if (total > 0) {
          const d = durationColumns(f, total);
          dur.line([app.owner, app.hash, f.hash, num(f.averageMs), total, num(d.min), num(d.max), ...d.pct.map(num)].join(','));
        }
      }
      // Percentiles log-normal around the average, the top one (99.9%) reaching the maximum.
      const spread = Math.log(app.maximumMb / app.memoryMb) / Z.p99_9;
      const pct = MEMORY_Z.map((z) => Math.round(Math.min(app.maximumMb, app.memoryMb * Math.exp(spread * z))));
      mem.line([app.owner, app.hash, Math.max(1, activeMinutes), Math.round(app.memoryMb), ...pct, Math.round(app.maximumMb)].join(','));
    }
    inv.close();
    dur.close();
    mem.close();
  }
  return { dir: opts.out, files, apps: apps.length, functions: functions.length, days: opts.days, invocations };
}
