// Malformed trace rows stop the load with an InputError naming the file and line (exit code 2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { loadAzure2019 } from '../../src/workload/azure2019/load.ts';
import { loadAzure2021 } from '../../src/workload/azure2021/load.ts';
import { countsRow, durationRow, memoryRow, problem, tempDir, writeCounts, writeDurations, writeMemory } from './helpers.ts';

function dir2019(rows: string[], opts: { durations?: string[]; memory?: string[]; raw?: string } = {}): string {
  const d = tempDir();
  const p = writeCounts(d, 1, rows);
  if (opts.raw !== undefined) writeFileSync(p, opts.raw);
  writeDurations(d, 1, opts.durations ?? [durationRow('a', 'f', 10)]);
  writeMemory(d, 1, opts.memory ?? [memoryRow('a', 100)]);
  return d;
}

const good = countsRow({ app: 'a', func: 'f', counts: { 1: 1 } });
const load = (dir: string) => loadAzure2019({ dir, rng: new RandomStreams(1) });

describe('malformed 2019 rows', () => {
  it('missing columns', async () => {
    const bad = good.split(',').slice(0, 100).join(',');
    const p = await problem(load(dir2019([good, bad])));
    expect(p.file).toMatch(/invocations_per_function_md\.anon\.d01\.csv$/);
    expect(p.where).toBe('line 3');
    expect(p.message).toMatch(/expected 1444 columns, found 100/);
  });

  it('non-numeric count', async () => {
    const bad = good.replace(/,1,0,0/, ',x1,0,0');
    const p = await problem(load(dir2019([good, good.replace('f,', 'g,'), bad.replace('f,', 'h,')])));
    expect(p.where).toBe('line 4');
    expect(p.message).toMatch(/minute 1: "x1" is not a number/);
  });

  it('negative and fractional counts', async () => {
    expect((await problem(load(dir2019([good.replace(/,1,0,0/, ',-3,0,0')])))).message).toMatch(/minute 1: -3 is negative/);
    expect((await problem(load(dir2019([good.replace(/,1,0,0/, ',1.5,0,0')])))).message).toMatch(/not an integer count/);
  });

  it('empty field', async () => {
    const p = await problem(load(dir2019([good.replace(/,1,0,0/, ',,0,0')])));
    expect(p.where).toBe('line 2');
  });

  it('truncated last line (no newline, cut mid-row)', async () => {
    const header = `HashOwner,HashApp,HashFunction,Trigger,${Array.from({ length: 1440 }, (_, i) => i + 1).join(',')}`;
    const p = await problem(load(dir2019([], { raw: `${header}\n${good}\n${good.slice(0, 500)}` })));
    expect(p.where).toBe('line 3');
    expect(p.message).toMatch(/truncated/);
  });

  it('a bad duration or memory row names its own file', async () => {
    const p = await problem(load(dir2019([good], { durations: ['o,a,f,abc,1,1,1,1,1,1,1,1,1,1'] })));
    expect(p.file).toMatch(/function_durations_percentiles\.anon\.d01\.csv$/);
    expect(p.where).toBe('line 2');
    expect(p.message).toMatch(/Average/);
    const m = await problem(load(dir2019([good], { memory: [memoryRow('a', 100), 'o,b,10,-5,1,1,1,1,1,1,1,1'] })));
    expect(m.file).toMatch(/app_memory_percentiles\.anon\.d01\.csv$/);
    expect(m.where).toBe('line 3');
    expect(m.message).toMatch(/negative/);
  });

  it('a missing column in the header', async () => {
    const d = dir2019([good]);
    writeFileSync(join(d, 'function_durations_percentiles.anon.d01.csv'), 'HashOwner,HashApp,HashFunction,Average\no,a,f,1\n');
    const p = await problem(load(d));
    expect(p.where).toBe('line 1');
    expect(p.message).toMatch(/missing column "Count"/);
  });
});

it('a line with quoted fields is still read (handed to csv-parse)', async () => {
  const d = dir2019([good.replace('o,a,f,http,', '"o","a","f","http",')]);
  const w = await load(d);
  expect(w.functions.map((f) => [f.hash, f.trigger, f.invocations])).toEqual([['f', 'http', 1]]);
});

describe('malformed 2021 rows', () => {
  it('reports file and line for bad numbers and short rows', async () => {
    const f = join(tempDir(), 'trace2021.csv');
    writeFileSync(f, 'app,func,end_timestamp,duration\na,f,1.5,0.5\na,f,2.5,oops\n');
    const p = await problem(loadAzure2021({ file: f, rng: new RandomStreams(1) }));
    expect([p.file, p.where]).toEqual([f, 'line 3']);
    writeFileSync(f, 'app,func,end_timestamp,duration\na,f,1.5,0.5\na,f,2.5');
    expect((await problem(loadAzure2021({ file: f, rng: new RandomStreams(1) }))).where).toBe('line 3');
  });
});
