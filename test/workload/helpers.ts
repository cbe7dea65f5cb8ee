// Test helpers: tiny 2019-format trace directories written to a temporary folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { InputError, type InputProblem } from '../../src/input/errors.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedTraces = resolve(repoRoot, '../shared/traces');

export function tempDir(prefix = 'trace-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface MiniFunction {
  owner?: string;
  app: string;
  func: string;
  trigger?: string;
  /** minute (1-based) -> count */
  counts: Record<number, number>;
}

const minutes = Array.from({ length: 1440 }, (_, i) => i + 1).join(',');

export function countsRow(f: MiniFunction): string {
  const c = new Array<number>(1440).fill(0);
  for (const [m, n] of Object.entries(f.counts)) c[Number(m) - 1] = n;
  return `${f.owner ?? 'o'},${f.app},${f.func},${f.trigger ?? 'http'},${c.join(',')}`;
}

export function writeCounts(dir: string, day: number, rows: string[]): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, `invocations_per_function_md.anon.d${String(day).padStart(2, '0')}.csv`);
  writeFileSync(p, [`HashOwner,HashApp,HashFunction,Trigger,${minutes}`, ...rows].join('\n') + '\n');
  return p;
}

/** Duration row: owner,app,func,Average,Count,Min,Max,p0,p1,p25,p50,p75,p99,p100 (ms). */
export function writeDurations(dir: string, day: number, rows: string[]): string {
  const p = join(dir, `function_durations_percentiles.anon.d${String(day).padStart(2, '0')}.csv`);
  writeFileSync(
    p,
    [
      'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100',
      ...rows,
    ].join('\n') + '\n',
  );
  return p;
}

export function durationRow(app: string, func: string, avg: number, owner = 'o'): string {
  return `${owner},${app},${func},${avg},10,${avg},${avg},${avg},${avg},${avg},${avg},${avg},${avg},${avg}`;
}

/** Memory row: owner,app,SampleCount,AverageAllocatedMb,pct1,5,25,50,75,95,99,100. */
export function writeMemory(dir: string, day: number, rows: string[]): string {
  const p = join(dir, `app_memory_percentiles.anon.d${String(day).padStart(2, '0')}.csv`);
  writeFileSync(
    p,
    [
      'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100',
      ...rows,
    ].join('\n') + '\n',
  );
  return p;
}

export function memoryRow(app: string, mb: number, owner = 'o'): string {
  return `${owner},${app},10,${mb},${mb},${mb},${mb},${mb},${mb},${mb},${mb},${mb}`;
}

/** Drains an ordered stream into arrays (times in us, payloads). */
export function drain(s: { readonly time: number; take(): number }): { times: number[]; payloads: number[] } {
  const times: number[] = [];
  const payloads: number[] = [];
  while (s.time !== Infinity) {
    times.push(s.time);
    payloads.push(s.take());
  }
  return { times, payloads };
}

/** The first problem of the InputError that `p` rejects with. */
export async function problem(p: Promise<unknown>): Promise<InputProblem> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems[0]!;
  }
  throw new Error('expected an InputError');
}
