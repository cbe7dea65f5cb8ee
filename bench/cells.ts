// Benchmarks of a divided fleet (fleet.cells, docs/scale.md), as markdown rows for BENCHMARKS.md:
// 1. the 10,000-function hour at K = 1, 2, 4, 8 cells on 1 and 2 worker threads (rate, speed-up,
//    peak RSS), and what K does to the results (cold starts, idle memory, p99);
// 2. a day of a synthetic 46,000-function trace as 8 shards (`--cells i/8`) run one after another,
//    each in its own process (its wall and CPU time predict one machine of a cluster run), then merged.
// `--smoke` runs tiny versions (the test suite runs it so the script cannot rot); `--only=scaling`
// or `--only=shards` runs one part.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bigReplay, ensureTrace } from './replay-setup.ts';
import { machine, median } from './machine.ts';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const unknown = args.filter((a) => a !== '--cells' && a !== '--smoke' && !/^--only=(scaling|shards)$/.test(a));
if (unknown.length) {
  process.stderr.write(`unknown argument(s): ${unknown.join(' ')}\nusage: npm run bench -- --cells [--smoke] [--only=scaling|--only=shards]\n`);
  process.exit(2);
}
const ROOT = join(import.meta.dirname, '..');

interface ChildResult {
  arrivals?: number;
  dropped?: number;
  events?: number;
  loadMs: number;
  simMs: number;
  maxRssMiB: number;
  coldPct?: number;
  idleGBs?: number;
  p99Ms?: number;
  appP75ColdPct?: number;
  /** Whole child process, measured from here. */
  wallMs: number;
  /** CPU time of the child (user + system, all its threads). */
  cpuMs: number;
}

/** Runs bench/replay-child.mjs with `cfg`; wall and CPU time of the whole process included. */
function child(cfg: Record<string, unknown>): ChildResult {
  const t0 = performance.now(); // wall clock: benchmark measurement only
  const out = execFileSync(process.execPath, [join(ROOT, 'bench/replay-child.mjs'), JSON.stringify(cfg)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  const r = JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
  return { ...r, wallMs };
}

const rows: string[] = [];
const row = (name: string, value: string, detail: string) => {
  rows.push(`| ${name} | ${value} | ${detail} |`);
  process.stderr.write(`  ${name}: ${value} (${detail})\n`);
};

if (only !== 'shards') {
  const big = await bigReplay(smoke);
  const window: [number, number] = smoke ? [480, 485] : [480, 540];
  const repeats = smoke ? 1 : 3;
  // K cells by hash (the default), and for K = 2 and 8 also balanced (fleet.cellAssignment).
  const settings: { k: number; assignment: 'hash' | 'balanced' }[] = (smoke ? [1, 2] : [1, 2, 4, 8]).map((k) => ({ k, assignment: 'hash' as const }));
  if (!smoke) settings.push({ k: 2, assignment: 'balanced' }, { k: 8, assignment: 'balanced' });
  const name = (x: { k: number; assignment: string }) => `K = ${x.k}${x.assignment === 'balanced' ? ' balanced' : ''}`;
  const runs = new Map<string, ChildResult[]>();
  // Interleaved rounds (this VM's speed drifts over minutes): every setting once per round.
  for (let i = 0; i < repeats; i++) {
    for (const x of settings) {
      for (const threads of x.k === 1 ? [1] : [1, 2]) {
        const key = `${name(x)}/${threads}`;
        const r = child({ ...big, windowMinutes: window, invocations: false, cells: x.k, cellAssignment: x.assignment, threads });
        runs.set(key, [...(runs.get(key) ?? []), r]);
      }
    }
  }
  const med = (key: string, f: (r: ChildResult) => number) => median(runs.get(key)!.map(f));
  const rate = (key: string) => med(key, (r) => r.arrivals! / (r.simMs / 1000));
  const wallRate = (key: string) => med(key, (r) => r.arrivals! / (r.wallMs / 1000));
  const label = smoke ? '200-function 5-min' : '10,000-function hour';
  for (const x of settings) {
    for (const threads of x.k === 1 ? [1] : [1, 2]) {
      const key = `${name(x)}/${threads}`;
      const r = runs.get(key)![0]!;
      row(
        `${label}, ${name(x)}, --threads ${threads}`,
        `${(rate(key) / 1e6).toFixed(2)} M invocations/s`,
        `${r.arrivals!.toLocaleString('en')} invocations; run ${(med(key, (y) => y.simMs) / 1000).toFixed(1)} s after a ${(med(key, (y) => y.loadMs) / 1000).toFixed(1)} s trace load, whole process ${(med(key, (y) => y.wallMs) / 1000).toFixed(1)} s (${(wallRate(key) / 1e6).toFixed(2)} M/s); CPU ${(med(key, (y) => y.cpuMs) / 1000).toFixed(1)} s; peak RSS ${med(key, (y) => y.maxRssMiB).toFixed(0)} MiB; dropped ${r.dropped}; median of ${repeats}`,
      );
    }
    if (x.k > 1) {
      const speedup = rate(`${name(x)}/2`) / rate(`${name(x)}/1`);
      row(
        `${label}, ${name(x)}: 2 threads vs 1`,
        `${speedup.toFixed(2)}x`,
        `run time ${(med(`${name(x)}/1`, (y) => y.simMs) / 1000).toFixed(1)} s -> ${(med(`${name(x)}/2`, (y) => y.simMs) / 1000).toFixed(1)} s`,
      );
    }
  }
  for (const x of settings) {
    const r = runs.get(`${name(x)}/1`)![0]!;
    row(
      `${label}: results at ${name(x)}`,
      `cold starts ${r.coldPct!.toFixed(3)}%`,
      `idle memory ${r.idleGBs!.toFixed(0)} GB-s, end-to-end p99 ${r.p99Ms!.toFixed(1)} ms, p75 app cold-start ${r.appP75ColdPct!.toFixed(2)}%`,
    );
  }
}

if (only !== 'scaling') {
  const functions = smoke ? 300 : 46_000;
  const n = smoke ? 2 : 8;
  const trace = await ensureTrace(functions, 7);
  const parts = join(ROOT, '.bench-cache', `parts-${functions}`);
  rmSync(parts, { recursive: true, force: true });
  mkdirSync(parts, { recursive: true });
  // The fleet: 100 nodes per cell (64 cores, 256 GiB), ample for the joint generator's day.
  const cfg = {
    trace,
    windowMinutes: smoke ? [480, 490] : [0, 1440],
    nodes: 100 * n,
    cores: 64,
    memory: '256GiB',
    invocations: false,
    keepAlive: 'fixed(ttl=10m)',
    coldStart: 'reap',
    cells: n,
    threads: 1,
  };
  const walls: number[] = [];
  const cpus: number[] = [];
  const rss: number[] = [];
  for (let i = 1; i <= n; i++) {
    const r = child({ ...cfg, shard: [i, n], out: join(parts, `part-${i}`) });
    walls.push(r.wallMs);
    cpus.push(r.cpuMs);
    rss.push(r.maxRssMiB);
    process.stderr.write(`  shard ${i}/${n}: ${(r.wallMs / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU, ${r.maxRssMiB.toFixed(0)} MiB\n`);
  }
  const t0 = performance.now();
  const merged = execFileSync(
    process.execPath,
    [join(ROOT, 'bin/sim.mjs'), 'merge', ...walls.map((_, i) => join(parts, `part-${i + 1}`)), '--out', join(parts, 'merged'), '--force'],
    { encoding: 'utf8' },
  );
  const mergeMs = performance.now() - t0;
  const summary = JSON.parse((await import('node:fs')).readFileSync(join(parts, 'merged', 'summary.json'), 'utf8')) as {
    invocations: { arrivals: number; dropped: { total: number } };
  };
  void merged;
  const total = walls.reduce((a, b) => a + b, 0);
  row(
    `${functions.toLocaleString('en')}-function ${smoke ? '10-min' : '24-h'} synthetic trace, K = ${n}, ${n} shards one after another`,
    `${(summary.invocations.arrivals / (total / 1000) / 1e6).toFixed(2)} M invocations/s over all shards`,
    `${summary.invocations.arrivals.toLocaleString('en')} invocations, dropped ${summary.invocations.dropped.total}; shard wall ${walls.map((w) => (w / 1000).toFixed(0)).join(', ')} s (longest ${(Math.max(...walls) / 1000).toFixed(0)} s: a cluster of ${n} machines); CPU ${cpus.map((c) => (c / 1000).toFixed(0)).join(', ')} s; peak RSS up to ${Math.max(...rss).toFixed(0)} MiB; sim merge ${(mergeMs / 1000).toFixed(1)} s`,
  );
  if (!existsSync(join(parts, 'merged', 'summary.json'))) throw new Error('merge wrote no summary');
}

console.log(`machine: ${machine()}\ndate: ${new Date().toISOString().slice(0, 10)}${smoke ? ' (smoke)' : ''}\n`); // wall clock: the report's date only
console.log('| benchmark | result | detail |\n|---|---|---|');
for (const r of rows) console.log(r);
