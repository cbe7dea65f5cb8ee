// `npm run bench`: fixed, seeded workloads, each the median of at least 3 runs, printed as
// Markdown rows for BENCHMARKS.md. `--smoke` runs tiny versions (used by the test suite so the
// benchmarks cannot rot; it checks they run and report, not their speed).
import { holdModel } from './engine-hold.ts';
import { machine, median } from './machine.ts';

const smoke = process.argv.includes('--smoke');
const repeats = smoke ? 1 : 3;

export interface BenchRow {
  readonly name: string;
  readonly value: string;
  readonly detail: string;
}

function bench<T>(n: number, f: () => T, key: (t: T) => number): { median: number; runs: T[] } {
  const runs: T[] = [];
  for (let i = 0; i < n; i++) runs.push(f());
  return { median: median(runs.map(key)), runs };
}

export function runBenchmarks(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const pending of [1_000, 100_000]) {
    const events = smoke ? 20_000 : 5_000_000;
    const r = bench(repeats, () => holdModel(pending, events), (x) => x.eventsPerSec);
    rows.push({
      name: `engine hold, ${pending.toLocaleString('en')} pending`,
      value: `${(r.median / 1e6).toFixed(2)} M events/s`,
      detail: `${events.toLocaleString('en')} events, median of ${repeats}`,
    });
  }
  return rows;
}

const rows = runBenchmarks();
const date = new Date().toISOString().slice(0, 10); // wall clock: the benchmark report only
console.log(`machine: ${machine()}\ndate: ${date}${smoke ? ' (smoke)' : ''}\n`);
console.log('| benchmark | result | detail |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.value} | ${r.detail} |`);
