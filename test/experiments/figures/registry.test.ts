// Figure names: unknown and not-yet-available names are bad input (InputError -> exit 2) before
// anything runs; every figure has its notebook; the small helpers behind the figures.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { figuresCommand } from '../../../src/cli/figures.ts';
import { cdfSteps } from '../../../src/experiments/figures/trace-shape.ts';
import { logTicks } from '../../../src/experiments/figures/render.ts';
import { checkFigureNames, figureNames, generateFigure } from '../../../src/experiments/figures/registry.ts';
import { REPO_ROOT } from '../../../src/experiments/figures/runs.ts';
import { InputError } from '../../../src/input/errors.ts';
import { assertWellFormedSvg } from './svg-check.ts';

const runCli = (argv: string[]): Promise<unknown> =>
  yargs(argv)
    .command(figuresCommand)
    .strict()
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    })
    .parseAsync();

describe('figure names', () => {
  it('lists the ten figures', () => {
    expect(figureNames()).toEqual([
      'reap-functions', 'reap-concurrency', 'keepalive-tradeoff', 'trace-shape', 'transfer-latency', 'workflow-cost',
      'stellar-warm', 'stellar-cold', 'stellar-image-size', 'stellar-transfers',
    ]);
  });

  it('rejects unknown names together, naming each', () => {
    let err: unknown;
    try {
      checkFigureNames(['reap-functions', 'nope', 'transfer-latency', 'nada']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => p.where)).toEqual(['nope', 'nada']);
    expect(problems[0]!.message).toMatch(/unknown figure; known: reap-functions/);
  });

  it('generateFigure refuses an unknown figure without writing anything', async () => {
    const out = join(tmpdir(), `fig-none-${process.pid}`);
    await expect(generateFigure('nope', { out, quick: true })).rejects.toThrow(/unknown figure/);
    expect(existsSync(out)).toBe(false);
  });

  it('`figures` with a bad name fails with an InputError before running anything', async () => {
    const out = join(tmpdir(), `fig-cli-${process.pid}`);
    await expect(runCli(['figures', 'reap-functions', 'bogus', '--out', out])).rejects.toBeInstanceOf(InputError);
    expect(existsSync(out)).toBe(false);
  });

  it('every figure has scripts/figures/<name>.ts calling runNotebook with its name', () => {
    for (const name of figureNames()) {
      const text = readFileSync(join(REPO_ROOT, 'scripts', 'figures', `${name}.ts`), 'utf8');
      expect(text).toContain(`runNotebook('${name}'`);
    }
  });
});

describe('figure scripts', () => {
  it('run alone: a notebook writes its figure', () => {
    const out = mkdtempSync(join(tmpdir(), 'fig-nb-'));
    try {
      const ok = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/figures/reap-concurrency.ts', '--out', out, '--quick'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/reap-concurrency\.svg {2}4 series, 12 points/);
      expect(readFileSync(join(out, 'reap-concurrency.svg'), 'utf8').startsWith('<svg')).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  it('cdfSteps: one step per distinct positive value, fractions of all values (zeros counted)', () => {
    expect(cdfSteps([0, 0, 1, 1, 5, 9])).toEqual([
      { x: 1, p: 4 / 6 },
      { x: 5, p: 5 / 6 },
      { x: 9, p: 1 },
    ]);
    expect(cdfSteps([0, 0])).toEqual([]);
  });

  it('assertWellFormedSvg catches bad nesting, unclosed tags and non-SVG text', () => {
    expect(() => assertWellFormedSvg('<svg><g><rect/></g></svg>')).not.toThrow();
    expect(() => assertWellFormedSvg('<svg><g></svg>')).toThrow(/closes/);
    expect(() => assertWellFormedSvg('<svg><g>')).toThrow();
    expect(() => assertWellFormedSvg('<html></html>')).toThrow(/<svg/);
  });

  it('logTicks: decades (and 2x, 5x) inside the range', () => {
    expect(logTicks(1, 1000)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(0.5, 30, true)).toEqual([0.5, 1, 2, 5, 10, 20]);
  });
});
