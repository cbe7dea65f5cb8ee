// Runs a list of cases on a pool and checks each: materialise, snapshot, run, snapshot, check,
// remove the folder. Shared by the short test and `npm run fuzz`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzCase } from './cases.ts';
import { materialise, Pool, type Outcome } from './exec.ts';
import { check, type Violation } from './oracle.ts';
import { REPO } from './seeds.ts';
import { snapshot } from './snapshot.ts';

export interface CaseResult {
  readonly index: number;
  readonly c: FuzzCase;
  readonly outcome: Outcome;
  readonly violations: Violation[];
}

export interface HarnessOptions {
  /** Folder for the cases' folders (removed case by case). */
  readonly root: string;
  readonly workers: number;
  readonly timeoutMs: number;
  readonly onResult?: (r: CaseResult) => void;
}

export async function runCases(cases: readonly { index: number; c: FuzzCase }[], opts: HarnessOptions): Promise<CaseResult[]> {
  const pool = new Pool(opts.workers, opts.timeoutMs);
  const results: CaseResult[] = [];
  let next = 0;
  const lane = async () => {
    while (next < cases.length) {
      const { index, c } = cases[next++]!;
      // Two levels below root, so an output path with one ".." still lands inside root.
      const caseRoot = join(opts.root, 'cases', `c${index}`);
      const cwd = join(caseRoot, 'w');
      const tmpdir = join(caseRoot, 'tmp');
      rmSync(caseRoot, { recursive: true, force: true });
      materialise(cwd, c.files);
      mkdirSync(tmpdir);
      const skip = new Set(['tmp']);
      const before = snapshot(caseRoot, skip);
      const outcome = await pool.run(c, cwd, tmpdir);
      const after = snapshot(caseRoot, skip);
      const r: CaseResult = { index, c, outcome, violations: check(outcome, before, after, caseRoot) };
      rmSync(caseRoot, { recursive: true, force: true });
      results.push(r);
      opts.onResult?.(r);
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.workers }, lane));
  } finally {
    pool.close();
  }
  return results.sort((a, b) => a.index - b.index);
}

const shellQuote = (s: string) => (/^[\w./=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function reproCommand(c: FuzzCase): string {
  return `node ${join(REPO, 'bin', 'sim.mjs')} ${c.args.map(shellQuote).join(' ')}`;
}

/** Writes a failure's inputs and a script that reruns it: <dir>/input/ and <dir>/repro.sh. */
export function writeReproducer(dir: string, r: CaseResult, seed: number): void {
  rmSync(dir, { recursive: true, force: true });
  materialise(join(dir, 'input'), r.c.files);
  const info = {
    seed,
    index: r.index,
    family: r.c.family,
    mutation: r.c.mutation,
    args: r.c.args,
    spawn: r.c.spawn,
    violations: r.violations,
    exitCode: r.outcome.code,
    ms: r.outcome.ms,
    stderr: r.outcome.stderr.slice(0, 4000),
    regenerate: `npm run fuzz -- --seed ${seed} --only ${r.index}`,
  };
  writeFileSync(join(dir, 'case.json'), JSON.stringify(info, null, 2) + '\n');
  // A copy of the input, so rerunning cannot spoil the saved one, two levels below a fresh
  // temporary folder as in the harness: some cases write to "..", and on code with the output-path
  // defect `--out ..` run in a folder directly under /tmp replaces /tmp itself.
  const script = [
    '#!/bin/sh',
    `# ${r.violations.map((v) => v.cls).join(', ')}: ${r.c.mutation.replace(/\n/g, ' ').slice(0, 500)}`,
    'base=$(mktemp -d) || exit 1',
    'd="$base/case/w"',
    'mkdir -p "$d" && cp -r "$(dirname "$0")/input/." "$d/" || exit 1',
    `cd "$d" && ${reproCommand(r.c)}`,
    'echo "exit $? in $d"',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'repro.sh'), script, { mode: 0o755 });
}

/** One line per failing case, with what is needed to reproduce it. */
export function describeFailure(r: CaseResult): string {
  const main = r.c.files['scenario.json'] ?? r.c.files['sweep.json'];
  const text = typeof main === 'string' ? main : main ? `<${main.length} bytes>` : '';
  return [
    `case ${r.index} [${r.c.family}${r.c.spawn ? ', spawned' : ''}] ${r.violations.map((v) => `${v.cls}: ${v.detail}`).join(' | ')}`,
    `  mutation: ${r.c.mutation.slice(0, 400)}`,
    `  command:  ${reproCommand(r.c)}`,
    text ? `  main input (${r.c.args.includes('sweep') ? 'sweep.json' : 'scenario.json'}, first 300 chars): ${text.slice(0, 300).replace(/\s+/g, ' ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A failure's kind for grouping: its classes and its first error line with numbers and paths blurred. */
export function signature(r: CaseResult): string {
  const classes = [...new Set(r.violations.map((v) => v.cls))].join('+');
  const v = r.violations[0]!;
  const text = v.cls === 'exit-code' || v.cls === 'stack-trace' ? v.detail : v.cls === 'hang' ? r.c.args.slice(0, 2).join(' ') : v.detail.replace(/\[.*$/, '');
  const blurred = text
    .replace(/'[^']*'/g, "'…'")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/-?\d[\d.e+-]*/g, 'N')
    .slice(0, 140);
  return `${classes} [${r.c.family}${v.cls === 'leftover' || v.cls === 'clobber' ? ` ${r.c.args[0]}` : ''}] ${blurred}`;
}
