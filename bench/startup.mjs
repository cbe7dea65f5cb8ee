#!/usr/bin/env node
// `node bench/startup.mjs [--runs N] [--against <checkout>]`: start-up of whole `sim` processes as a ratio to a bare
// `node -e 0` measured in the same run (rounds interleaved, so both see the host's load alike).
// Cases: `sim --help`, `sim schema`, and `sim run` of the quickstart cut to one simulated second.
// `--against` times another checkout's `sim` in the same rounds (before/after rows).
// Prints median and minimum wall time, and the median CPU time (user + system, from
// /usr/bin/time where there is one), which a busy host inflates less than wall time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 11;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const out = mkdtempSync(join(tmpdir(), 'sim-startup-'));
const againstAt = process.argv.indexOf('--against');
const checkouts = [['', ROOT], ...(againstAt > 0 ? [[`${process.argv[againstAt + 1]}: `, resolve(process.argv[againstAt + 1])]] : [])];
const cases = [['node -e 0', ['-e', '0']]];
for (const [label, root] of checkouts) {
  const sim = join(root, 'bin', 'sim.mjs');
  cases.push(
    [`${label}sim --help`, [sim, '--help']],
    [`${label}sim schema`, [sim, 'schema']],
    [`${label}sim run (1 s)`, [sim, 'run', join(root, 'scenarios/quickstart.json'), '--set', 'duration=1s', '--out', join(out, 'run'), '--force', '--quiet']],
  );
  spawnSync(process.execPath, [sim, '--help']); // builds the bundle if a source changed: not start-up
}
const load = (await import('node:os')).loadavg();
const wall = cases.map(() => []);
const cpu = cases.map(() => []);
for (let r = 0; r < runs; r++) {
  cases.forEach(([, args], i) => {
    const [cmd, argv] = TIME ? [TIME, ['-f', 'cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
    const t = process.hrtime.bigint();
    const p = spawnSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    wall[i].push(Number(process.hrtime.bigint() - t) / 1e9);
    if (p.status !== 0) throw new Error(`${cases[i][0]} exited ${p.status}: ${p.stderr}`);
    const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(p.stderr);
    if (m) cpu[i].push(Number(m[1]) + Number(m[2]));
  });
}
rmSync(out, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
const ratio = (f, xs, i) => `${f(xs[i]).toFixed(3)} s ${(f(xs[i]) / f(xs[0])).toFixed(2)}x`;
console.log(`${runs} rounds; load average (1, 5, 15 min) at the start ${load.map((x) => x.toFixed(1)).join(' ')}`);
for (const [i, [name]] of cases.entries()) {
  const c = cpu[i].length === runs ? `  cpu median ${ratio(median, cpu, i)}` : '';
  console.log(`${name.padEnd(30)} wall median ${ratio(median, wall, i)}  min ${ratio(min, wall, i)}${c}`);
}
