// `npm run fuzz [-- --cases N --seed S --workers W --timeout SEC --spawn FRACTION --families a,b --only I --out DIR]`:
// the long fuzzing run. Generates cases from (seed, index), runs them, prints a summary by
// defect class and writes each failure's reproducer to <out>/<seed>-<index>/.
import fc from 'fast-check';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { caseArbitrary, FAMILIES, withSpawn, type Family } from './cases.ts';
import { DEFECT_CLASSES } from './oracle.ts';
import { killAll } from './exec.ts';
import { describeFailure, runCases, signature, writeReproducer, type CaseResult } from './harness.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261202' },
    workers: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '20' },
    spawn: { type: 'string', default: '0.05' },
    families: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'fuzz-failures' },
    'max-reproducers': { type: 'string', default: '200' },
  },
});

function num(name: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) {
    process.stderr.write(`error: --${name} ${JSON.stringify(v)}: expected a number >= ${min}\n`);
    process.exit(2);
  }
  return n;
}

const seed = Math.trunc(num('seed', values.seed!, 0));
const total = Math.trunc(num('cases', values.cases!, 1));
const workers = Math.trunc(num('workers', values.workers!, 1));
const timeoutMs = num('timeout', values.timeout!, 0.1) * 1000;
const spawnFraction = num('spawn', values.spawn!, 0);
const families = values.families ? (values.families.split(',') as Family[]) : undefined;
if (families?.some((f) => !FAMILIES.includes(f))) {
  process.stderr.write(`error: --families: expected some of ${FAMILIES.join(',')}\n`);
  process.exit(2);
}
const only = values.only !== undefined ? Math.trunc(num('only', values.only, 0)) : undefined;
const outDir = resolve(values.out!);
const maxRepro = Math.trunc(num('max-reproducers', values['max-reproducers']!, 0));

// Sample i is the same whatever the total, so (seed, index) names a case for good.
const n = only !== undefined ? only + 1 : total;
const all = fc.sample(caseArbitrary({ families }), { seed, numRuns: n }).map((c, index) => ({ index, c: withSpawn(c, index, spawnFraction) }));
const cases = only !== undefined ? all.slice(only) : all;

const root = mkdtempSync(join(tmpdir(), 'sim-fuzz-'));
const t0 = Date.now();
let done = 0;
let failed = 0;
let written = 0;
const byClass = new Map<string, number>();
const byFamily = new Map<string, { cases: number; failed: number }>();
const exitCodes = new Map<string, number>();
const bySignature = new Map<string, number>();
mkdirSync(outDir, { recursive: true });
// Every failing case, one JSON line each; reproducers only for the first few of each signature.
const listFile = join(outDir, `failures-${seed}.jsonl`);
writeFileSync(listFile, '');

const onResult = (r: CaseResult) => {
  done++;
  const fam = byFamily.get(r.c.family) ?? { cases: 0, failed: 0 };
  fam.cases++;
  const code = r.outcome.timedOut ? 'timeout' : String(r.outcome.code);
  exitCodes.set(code, (exitCodes.get(code) ?? 0) + 1);
  if (r.violations.length) {
    failed++;
    fam.failed++;
    for (const cls of new Set(r.violations.map((v) => v.cls))) byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
    const sig = signature(r);
    const seen = (bySignature.get(sig) ?? 0) + 1;
    bySignature.set(sig, seen);
    appendFileSync(
      listFile,
      JSON.stringify({
        index: r.index,
        family: r.c.family,
        signature: sig,
        classes: r.violations.map((v) => v.cls),
        args: r.c.args,
        mutation: r.c.mutation.slice(0, 300),
      }) + '\n',
    );
    if (written < maxRepro && seen <= 3) {
      writeReproducer(join(outDir, `${seed}-${r.index}`), r, seed);
      written++;
    }
    if (only !== undefined || total <= 50) process.stdout.write(describeFailure(r) + '\n');
  }
  byFamily.set(r.c.family, fam);
  if (done % 100 === 0 || done === cases.length) {
    const s = (Date.now() - t0) / 1000;
    process.stderr.write(`\r${done}/${cases.length} cases, ${failed} failing, ${s.toFixed(0)} s   `);
  }
};

process.on('SIGINT', () => {
  // Children first: a run still going would recreate its folder under root after the removal.
  killAll();
  setTimeout(() => {
    rmSync(root, { recursive: true, force: true });
    process.exit(130);
  }, 500);
});

try {
  await runCases(cases, { root, workers, timeoutMs, onResult });
} finally {
  rmSync(root, { recursive: true, force: true });
}
const secs = (Date.now() - t0) / 1000;
const lines = [
  '',
  `fuzz: seed ${seed}, ${done} cases in ${secs.toFixed(0)} s (${workers} workers, ${timeoutMs / 1000} s bound, ${(spawnFraction * 100).toFixed(0)}% spawned), ${failed} failing`,
  'failing cases by defect class (a case can be in several):',
  ...DEFECT_CLASSES.map((c) => `  ${c.padEnd(12)} ${byClass.get(c) ?? 0}`),
  'cases by family (failing / run):',
  ...[...byFamily].map(([f, s]) => `  ${f.padEnd(12)} ${s.failed} / ${s.cases}`),
  `exit codes: ${[...exitCodes].map(([c, k]) => `${c}: ${k}`).join(', ')}`,
  `distinct failure signatures: ${bySignature.size}; the most frequent:`,
  ...[...bySignature]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([sig, k]) => `  ${String(k).padStart(5)}  ${sig}`),
  failed
    ? `reproducers: ${outDir}/<seed>-<index>/ (${written} written, up to 3 per signature; repro.sh, case.json, input/); all failing cases: ${listFile}`
    : '',
];
const summary = lines.join('\n') + '\n';
process.stdout.write(summary);
writeFileSync(join(outDir, `summary-${seed}.txt`), summary);
process.exitCode = failed ? 1 : 0;
