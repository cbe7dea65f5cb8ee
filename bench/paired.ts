// `npm run bench -- --paired <checkout> [--pairs N] [--window A-B]`: this checkout against another
// (an older commit, say) on the same 10,000-function replay (trace minutes A to B, by default
// 480-495), both at once, one per core, start order alternating. Prints
// each pair's simulation time ratio (this / other), their geometric mean and both peak RSS.
// Single runs on a shared VM vary by 10-30% within the hour; two runs at once share that noise,
// so their ratio does not (an A/A check spread 0.86-1.07 per pair: take 8 or more pairs for 5%).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { machine } from './machine.ts';
import { bigReplay, parseReplay, type ReplayResult } from './replay-setup.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');

function option(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
}

function fail(message: string): never {
  process.stderr.write(`bench --paired: ${message}\n`);
  process.exit(2);
}

const otherArg = option('--paired');
if (otherArg === undefined || otherArg.startsWith('--')) fail('expected the other checkout after --paired');
const other = resolve(otherArg);
if (!existsSync(join(other, 'bench/replay-child.mjs'))) {
  fail(`${other} has no bench/replay-child.mjs: expected a checkout of this repository with its dependencies installed`);
}
const pairs = Number(option('--pairs') ?? (smoke ? 2 : 8));
if (!Number.isInteger(pairs) || pairs < 1) fail(`--pairs must be a positive integer, got ${option('--pairs')}`);

// Longer windows reach what 15 minutes cannot: the first keep-alive expiries come at 10 minutes,
// and a day's heap ages for hours.
const windowArg = option('--window');
let window: [number, number] = smoke ? [480, 482] : [480, 495];
if (windowArg !== undefined) {
  const m = /^(\d+)-(\d+)$/.exec(windowArg);
  const w = m ? ([Number(m[1]), Number(m[2])] as [number, number]) : null;
  if (w === null || w[0] >= w[1] || w[1] > 1440) {
    fail(`--window must be A-B, trace minutes with 0 <= A < B <= 1440 (the trace's one day), got ${windowArg}`);
  }
  window = w;
}

const cfg = JSON.stringify({
  ...(await bigReplay(smoke)),
  windowMinutes: window,
  invocations: false,
});

async function replay(checkout: string, delayMs: number): Promise<ReplayResult> {
  await new Promise((r) => setTimeout(r, delayMs));
  const { stdout } = await run(process.execPath, [join(checkout, 'bench/replay-child.mjs'), cfg], { cwd: checkout, maxBuffer: 1 << 20 });
  return parseReplay(stdout);
}

process.stdout.write(`machine: ${machine()}\nthis: ${ROOT}\nother: ${other}\ntrace minutes: ${window[0]}-${window[1]}\n`);
const ratios: number[] = [];
for (let i = 0; i < pairs; i++) {
  // Whichever starts second loads its trace while the first is already simulating: alternate.
  const [a, b] = await Promise.all([replay(ROOT, i % 2 ? 50 : 0), replay(other, i % 2 ? 0 : 50)]);
  ratios.push(a.simMs / b.simMs);
  process.stdout.write(
    `pair ${i + 1}: this ${(a.simMs / 1000).toFixed(2)} s, other ${(b.simMs / 1000).toFixed(2)} s, ` +
      `ratio ${(a.simMs / b.simMs).toFixed(3)}, peak RSS ${a.maxRssMiB.toFixed(0)} / ${b.maxRssMiB.toFixed(0)} MiB\n`,
  );
}
const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
process.stdout.write(
  `this / other: geometric mean ${geo.toFixed(3)} over ${pairs} pairs (${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)})\n`,
);
