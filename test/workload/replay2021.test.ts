// The 2021 reader replays each invocation's recorded start and duration exactly (known answers in
// ../shared/traces/SOURCES.md), through the loader and through a whole run; redraw stays an option.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/random.ts';
import { readInvocationFile } from '../../src/workload/azure2021/read.ts';
import { loadAzure2021 } from '../../src/workload/azure2021/load.ts';
import { simulate } from '../../src/simulate.ts';
import { scenario } from '../helpers.ts';
import { drain, sharedTraces } from './helpers.ts';

const file = join(sharedTraces, 'azure2021/AzureFunctionsInvocationTrace2021.head199.csv');
const have = existsSync(file);
if (!have) console.warn(`skipping the 2021 exact-replay tests: ${file} is absent (it exists only next to the project's development checkout)`);

/** The slice's (start us, duration us) pairs, sorted. */
async function recorded(): Promise<Array<[number, number]>> {
  const rows: Array<[number, number]> = [];
  await readInvocationFile(file, (r) => rows.push([Math.round((r.endS - r.durationS) * 1e6), Math.round(r.durationS * 1e6)]));
  return rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe.skipIf(!have)('Azure 2021 exact replay (head199 slice)', () => {
  it('the loader pairs every arrival with its recorded duration', async () => {
    const w = await loadAzure2021({ file, rng: new RandomStreams(1) });
    const { times, payloads } = drain(w.stream(0, new RandomStreams(1)));
    const next = new Array<number>(w.functions.length).fill(0);
    const got = times.map((t, i): [number, number] => {
      const f = w.functions[payloads[i]!]!;
      return [t, f.recordedUs![next[payloads[i]!]!++]!];
    });
    got.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const want = await recorded();
    expect(got).toEqual(want);
    expect(got.length).toBe(199);
    // SOURCES.md: durations sum to 10599.17 s, 8 are exactly 0, the longest is 404.987 s.
    expect(got.reduce((s, p) => s + p[1], 0) / 1e6).toBeCloseTo(10599.17, 1);
    expect(got.filter((p) => p[1] === 0).length).toBe(8);
    expect(Math.max(...got.map((p) => p[1]))).toBe(404_987_000);
    expect(next).toEqual(w.functions.map((f) => f.recordedUs!.length));
    expect(w.report.arrivals).toBe('exact');
  });

  it('a run executes each invocation for exactly its recorded duration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay2021-'));
    const s = scenario({
      duration: '30m',
      fleet: { nodes: [{ count: 4, cores: 512, memory: '256GiB' }] },
      coldStart: { mode: 'delay', delay: '100ms' },
      workload: [{ azure2021: { file, memoryMiB: 200 } }],
    });
    await simulate(s, { outDir: dir });
    const lines = readFileSync(join(dir, 'invocations.csv'), 'utf8').trim().split('\n');
    const head = lines[0]!.split(',');
    const [ia, ie, io] = ['arrival_us', 'exec_us', 'outcome'].map((c) => head.indexOf(c));
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.every((r) => r[io!] === 'completed')).toBe(true);
    const got = rows.map((r): [number, number] => [Number(r[ia!]), Number(r[ie!])]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(got).toEqual(await recorded());
  });

  it("redraw draws from each function's law instead, and memory is drawn per app unless constant", async () => {
    const w = await loadAzure2021({ file, durations: 'redraw', rng: new RandomStreams(1) });
    expect(w.functions.every((f) => f.recordedUs === undefined)).toBe(true);
    expect(w.report.arrivals).toBe('exact-starts,redrawn-durations');
    expect(new Set(w.functions.map((f) => f.memoryMiB)).size).toBeGreaterThan(3);
    const again = await loadAzure2021({ file, rng: new RandomStreams(1) });
    expect(again.functions.map((f) => f.memoryMiB)).toEqual(w.functions.map((f) => f.memoryMiB));
    const whole = await loadAzure2021({ file, memory: 'app', rng: new RandomStreams(1) });
    whole.functions.forEach((f, i) => expect(f.memoryMiB).toBeGreaterThanOrEqual(w.functions[i]!.memoryMiB));
    const constant = await loadAzure2021({ file, memoryMiB: 200, rng: new RandomStreams(1) });
    expect(constant.functions.every((f) => f.memoryMiB === 200)).toBe(true);
  });
});
