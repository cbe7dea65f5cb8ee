// Trace values outside their domain (docs/limits.md) stop the load with an InputError naming the
// file, line and column, instead of being read silently, hanging or scheduling Infinity.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { loadAzure2021 } from '../../src/workload/azure2021/load.ts';
import { countsRow, durationRow, memoryRow, problem, tempDir, writeCounts, writeDurations, writeMemory } from './helpers.ts';

function dir2019(count: string, opts: { durations?: string[]; memory?: string[] } = {}): string {
  const d = tempDir();
  writeCounts(d, 1, [countsRow({ app: 'a', func: 'f', counts: { 1: 1 } }).replace(/,1,0,0/, `,${count},0,0`)]);
  writeDurations(d, 1, opts.durations ?? [durationRow('a', 'f', 10)]);
  writeMemory(d, 1, opts.memory ?? [memoryRow('a', 100)]);
  return d;
}

const load = (dir: string, more: Partial<Parameters<typeof loadAzure2019>[0]> = {}) => loadAzure2019({ dir, rng: new RandomStreams(1), ...more });

describe('2019 per-minute counts', () => {
  it.each([
    ['0x10', /minute 1: "0x10" is not a number/],
    ['1e15', /minute 1: 1e15 is too large \(expected at most 1000000\)/],
    ['1e308', /too large/],
    ['9007199254740993', /too large/],
    ['10000000', /minute 1: 10000000 is too large/],
  ])('%s is an InputError with file, line and column', async (count, message) => {
    const p = await problem(load(dir2019(count)));
    expect(p.file).toMatch(/invocations_per_function_md\.anon\.d01\.csv$/);
    expect(p.where).toBe('line 2');
    expect(p.message).toMatch(message);
  });

  it('a count at the bound is read', async () => {
    const w = await load(dir2019('1000000'));
    expect(w.functions[0]!.invocations).toBe(1_000_000);
  });
});

describe('2019 durations and memory', () => {
  it('a percentile duration of 1e308 ms or 1e12 ms is too large', async () => {
    for (const v of ['1e308', '1000000000000']) {
      const row = `o,a,f,10,10,10,10,10,10,10,10,10,10,${v}`;
      const p = await problem(load(dir2019('1', { durations: [row] })));
      expect(p.file).toMatch(/function_durations_percentiles/);
      expect(p.where).toBe('line 2');
      expect(p.message).toMatch(/percentile_Average_100: .* is too large \(expected at most 86400000\)/);
    }
  });

  it('hex and Infinity durations are not numbers', async () => {
    const p = await problem(load(dir2019('1', { durations: ['o,a,f,0x10,10,10,10,10,10,10,10,10,10,10'] })));
    expect(p.message).toMatch(/Average: "0x10" is not a number/);
    const q = await problem(load(dir2019('1', { durations: ['o,a,f,Infinity,10,10,10,10,10,10,10,10,10,10'] })));
    expect(q.message).toMatch(/Average: "Infinity" is not a number/);
  });

  it('a memory value of 1e308 MB is too large', async () => {
    const p = await problem(load(dir2019('1', { memory: ['o,a,10,1e308,1,1,1,1,1,1,1,1'] })));
    expect(p.file).toMatch(/app_memory_percentiles/);
    expect(p.message).toMatch(/AverageAllocatedMb: 1e308 is too large/);
  });
});

describe('2019 options and layout', () => {
  it('a window starting past the end of the day is an InputError naming windowMinutes', async () => {
    const p = await problem(load(dir2019('1'), { windowMinutes: [2000, 2100] }));
    expect(p.message).toMatch(/windowMinutes \[2000, 2100\] starts at or past the end of the trace \(1440 minutes\)/);
  });

  it('rateScale above 1000 is an InputError', async () => {
    const p = await problem(load(dir2019('1'), { rateScale: 1e6 }));
    expect(p.message).toMatch(/rateScale must be > 0 and <= 1000/);
  });

  it('a trace dir that is a file is an InputError', async () => {
    const f = join(tempDir(), 'not-a-dir.csv');
    writeFileSync(f, 'x\n');
    const p = await problem(load(f));
    expect(p.file).toBe(f);
    expect(p.message).toMatch(/is a file; expected the trace directory/);
  });
});

describe('2021 values', () => {
  const file2021 = (rows: string[]): string => {
    const f = join(tempDir(), 'trace2021.csv');
    writeFileSync(f, ['app,func,end_timestamp,duration', ...rows].join('\n') + '\n');
    return f;
  };
  const load21 = (file: string, more: Partial<Parameters<typeof loadAzure2021>[0]> = {}) => loadAzure2021({ file, rng: new RandomStreams(1), ...more });

  it('timestamps and durations past their bounds are InputErrors with line and column', async () => {
    const p = await problem(load21(file2021(['a,f,10,1', 'a,f,1e308,1'])));
    expect(p.where).toBe('line 3');
    expect(p.message).toMatch(/end_timestamp: 1e308 is too large/);
    const q = await problem(load21(file2021(['a,f,1e9,1e9'])));
    expect(q.message).toMatch(/too large/);
    const r = await problem(load21(file2021(['a,f,10,0x1'])));
    expect(r.message).toMatch(/duration: "0x1" is not a number/);
  });

  it('a window starting past the trace is an InputError', async () => {
    const p = await problem(load21(file2021(['a,f,10,1']), { windowMinutes: [50, 60] }));
    expect(p.message).toMatch(/windowMinutes \[50, 60\] starts at or past the end of the trace/);
  });

  it('a file that is a directory is an InputError', async () => {
    const d = join(tempDir(), 'dir.csv');
    mkdirSync(d);
    const p = await problem(load21(d));
    expect(p.file).toBe(d);
    expect(p.message).toMatch(/is a directory/);
  });
});
