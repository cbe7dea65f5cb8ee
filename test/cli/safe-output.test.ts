// Never delete what the tool did not write: `--out` at a user's folder or file, names that are
// paths, `--set` into prototypes. Each case checks the exit code and that nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simCli, snapshot } from '../helpers.ts';

const sim = simCli;

const tiny = (name = 'tiny') => ({
  version: 1,
  name,
  duration: '2s',
  fleet: { nodes: [{ count: 1, cores: 2, memory: '2GiB' }] },
  functions: [{ name: 'f', memory: '128MiB', execution: '5ms' }],
  workload: [{ poisson: { function: 'f', rate: '5/s' } }],
});

function workspace(scenario: object = tiny()) {
  const root = mkdtempSync(join(tmpdir(), 'sim-safe-'));
  const work = join(root, 'work');
  mkdirSync(work);
  writeFileSync(join(work, 'scenario.json'), JSON.stringify(scenario));
  return { root, work };
}

describe('sim run never writes over what it did not create', () => {
  it('--out . in a git checkout: exit 2, the checkout and its parent untouched', () => {
    const { root, work } = workspace();
    expect(spawnSync('git', ['init', '-q'], { cwd: work }).status).toBe(0);
    writeFileSync(join(work, 'notes.md'), 'mine\n');
    const before = snapshot(root);
    const r = sim(['run', 'scenario.json', '--out', '.'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: is a folder that holds no run folder \(\.git, notes\.md, scenario\.json\)/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(snapshot(root)).toEqual(before);
    // --force changes nothing: it only ever replaces a previous run folder.
    expect(sim(['run', 'scenario.json', '--out', '.', '--force'], work).code).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  it('--out at a file or at a folder of other things: exit 2, left as it was', () => {
    const { root, work } = workspace();
    writeFileSync(join(work, 'results.txt'), 'precious\n');
    mkdirSync(join(work, 'data'));
    writeFileSync(join(work, 'data', 'x.csv'), '1,2\n');
    const before = snapshot(root);
    for (const out of ['results.txt', 'data', '..']) {
      const r = sim(['run', 'scenario.json', '--out', out, '--force'], work);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(out === 'results.txt' ? /is a file/ : /holds no run folder/);
    }
    expect(snapshot(root)).toEqual(before);
  });

  it("a run folder is replaced; one holding a user's notes needs --force and keeps them", () => {
    const { work } = workspace();
    expect(sim(['run', 'scenario.json', '--out', 'r', '--quiet'], work).code).toBe(0);
    expect(sim(['run', 'scenario.json', '--out', 'r', '--quiet'], work).code).toBe(0);
    writeFileSync(join(work, 'r', 'notes.txt'), 'my analysis\n');
    mkdirSync(join(work, 'r', 'plots'));
    const refused = sim(['run', 'scenario.json', '--out', 'r', '--quiet', '--seed', '9'], work);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/entries a run did not write \(notes\.txt, plots\).*--force/);
    expect(JSON.parse(readFileSync(join(work, 'r', 'summary.json'), 'utf8')).seed).not.toBe(9);
    expect(sim(['run', 'scenario.json', '--out', 'r', '--quiet', '--seed', '9', '--force'], work).code).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'r', 'summary.json'), 'utf8')).seed).toBe(9);
    expect(readFileSync(join(work, 'r', 'notes.txt'), 'utf8')).toBe('my analysis\n');
    expect(existsSync(join(work, 'r', 'plots'))).toBe(true);
    expect(readdirSync(work).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('an empty folder is filled', () => {
    const { work } = workspace();
    mkdirSync(join(work, 'empty'));
    expect(sim(['run', 'scenario.json', '--out', 'empty', '--quiet'], work).code).toBe(0);
    expect(existsSync(join(work, 'empty', 'summary.json'))).toBe(true);
  });

  it('a scenario name cannot be a path; --set cannot reach prototypes or a non-object root', () => {
    for (const name of ['../..', 'a/b', '..', '.hidden', 'x'.repeat(101)]) {
      const { root, work } = workspace(tiny(name));
      const before = snapshot(root);
      const r = sim(['run', 'scenario.json'], work);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(/name: a folder name/);
      expect(snapshot(root)).toEqual(before);
    }
    const { work } = workspace();
    for (const set of ['__proto__.end=1s', 'functions[0].constructor.prototype.x=1', 'prototype=1']) {
      const r = sim(['run', 'scenario.json', '--out', 'o', '--set', set], work);
      expect(r.code, set).toBe(2);
      expect(r.stderr).toMatch(/may not name __proto__, constructor or prototype/);
    }
    writeFileSync(join(work, 'null.json'), 'null');
    const r = sim(['run', 'null.json', '--set', 'seed=3'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/root must be an object, got null/);
    expect(existsSync(join(work, 'o'))).toBe(false);
    expect(existsSync(join(work, 'runs'))).toBe(false);
  });
});
