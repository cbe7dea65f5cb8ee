// The run folder's writes: temporaries of killed runs are cleaned on the next run (and only
// those), and a commit re-checks the output path so files put there during a run are never lost.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectOutPath } from '../../src/metrics/out-path.ts';
import { OutputRefused, RunFolder } from '../../src/metrics/run-folder.ts';

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function fakeRun(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'scenario.resolved.json'), JSON.stringify({ resolved: { toolVersion: 'x' } }));
  writeFileSync(join(dir, 'summary.json'), '{}');
}

describe('RunFolder', () => {
  it("removes a killed run's temporaries of the same folder, and nothing else", () => {
    const parent = mkdtempSync(join(tmpdir(), 'sim-rf-'));
    const dead = deadPid();
    fakeRun(join(parent, `.tmp-r-${dead}-0`));
    fakeRun(join(parent, `.tmp-r-${dead}-3-old`));
    mkdirSync(join(parent, `.tmp-r-${dead}-4`));
    writeFileSync(join(parent, `.tmp-r-${dead}-4`, 'thesis.tex'), 'not a run file'); // not ours: kept
    fakeRun(join(parent, `.tmp-r-${process.ppid}-0`)); // a live process's: kept
    fakeRun(join(parent, `.tmp-other-${dead}-0`)); // another folder's: kept
    const f = new RunFolder(join(parent, 'r'));
    f.writeJson('scenario.resolved.json', { resolved: { toolVersion: 'x' } });
    f.commit();
    expect(readdirSync(parent).sort()).toEqual([`.tmp-other-${dead}-0`, `.tmp-r-${dead}-4`, `.tmp-r-${process.ppid}-0`, 'r'].sort());
  });

  it('refuses at commit when a user put files in the folder during the run, and keeps them', () => {
    const parent = mkdtempSync(join(tmpdir(), 'sim-rf-'));
    const out = join(parent, 'r');
    fakeRun(out);
    const f = new RunFolder(out);
    f.writeJson('summary.json', { new: true });
    writeFileSync(join(out, 'notes.txt'), 'written while the run ran');
    expect(() => f.commit()).toThrow(OutputRefused);
    f.abort();
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('written while the run ran');
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{}');
    expect(readdirSync(parent)).toEqual(['r']);
  });

  it('an aborted run removes the folders it created above the run folder, and only those', () => {
    const parent = mkdtempSync(join(tmpdir(), 'sim-rf-'));
    new RunFolder(join(parent, 'runs', 'deep', 'r')).abort();
    expect(readdirSync(parent)).toEqual([]);
    mkdirSync(join(parent, 'mine'));
    new RunFolder(join(parent, 'mine', 'runs', 'r')).abort();
    expect(readdirSync(parent)).toEqual(['mine']);
    expect(readdirSync(join(parent, 'mine'))).toEqual([]);
  });

  it('recognises a run folder by its own files only', () => {
    const parent = mkdtempSync(join(tmpdir(), 'sim-rf-'));
    expect(inspectOutPath(join(parent, 'none')).kind).toBe('absent');
    fakeRun(join(parent, 'run'));
    expect(inspectOutPath(join(parent, 'run')).kind).toBe('run-folder');
    mkdirSync(join(parent, 'look-alike'));
    writeFileSync(join(parent, 'look-alike', 'summary.json'), '{}');
    writeFileSync(join(parent, 'look-alike', 'scenario.resolved.json'), '{"name": "not written by sim"}');
    expect(inspectOutPath(join(parent, 'look-alike')).kind).toBe('foreign');
    writeFileSync(join(parent, 'run', 'functions.csv.bak'), '');
    expect(inspectOutPath(join(parent, 'run'))).toEqual({ kind: 'run-folder-plus', foreign: ['functions.csv.bak'] });
    expect(existsSync(join(parent, 'run', 'summary.json'))).toBe(true);
  });
});

describe('partial run folders (cells): only cell folders that hold nothing but cell files are ours', () => {
  /** A partial folder as `sim run --cells i/n` writes it. */
  function fakePart(dir: string): void {
    fakeRun(dir);
    writeFileSync(join(dir, 'cells.json'), '{}');
    for (const c of [0, 2]) {
      mkdirSync(join(dir, `cell-${c}`));
      writeFileSync(join(dir, `cell-${c}`, 'state.json'), '{}');
      writeFileSync(join(dir, `cell-${c}`, 'invocations.csv'), '');
      writeFileSync(join(dir, `cell-${c}`, 'invocations.header.csv'), 'id\n');
    }
  }

  it('a partial folder is a run folder: replaced whole by a run into it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'sim-rf-'));
    fakePart(join(parent, 'p'));
    expect(inspectOutPath(join(parent, 'p'))).toEqual({ kind: 'run-folder' });
    const f = new RunFolder(join(parent, 'p'));
    f.writeJson('scenario.resolved.json', { resolved: { toolVersion: 'x' } });
    f.commit();
    expect(readdirSync(join(parent, 'p'))).toEqual(['scenario.resolved.json']);
    expect(readdirSync(parent)).toEqual(['p']);
  });

  it("a user's file inside a cell folder, or a cell folder that is a link or named otherwise, makes it not ours: refused, or kept with --force", () => {
    const parent = mkdtempSync(join(tmpdir(), 'sim-rf-'));
    fakePart(join(parent, 'p'));
    writeFileSync(join(parent, 'p', 'cell-2', 'notes.txt'), 'mine');
    mkdirSync(join(parent, 'p', 'cell-x'));
    expect(inspectOutPath(join(parent, 'p'))).toEqual({ kind: 'run-folder-plus', foreign: ['cell-2', 'cell-x'] });
    expect(() => new RunFolder(join(parent, 'p'))).toThrow(OutputRefused);
    const f = new RunFolder(join(parent, 'p'), { force: true });
    f.writeJson('summary.json', {});
    f.commit();
    // The run's own entries were replaced; the user's cell folder and its file are untouched.
    expect(readdirSync(join(parent, 'p')).sort()).toEqual(['cell-2', 'cell-x', 'summary.json']);
    expect(readFileSync(join(parent, 'p', 'cell-2', 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(parent, 'p', 'cell-2')).sort()).toEqual(['invocations.csv', 'invocations.header.csv', 'notes.txt', 'state.json']);
  });

  it('--force into a partial folder whose cell folder holds a user file, when the run writes that cell: refused at commit, nothing changed', () => {
    const parent = mkdtempSync(join(tmpdir(), 'sim-rf-'));
    fakePart(join(parent, 'p'));
    writeFileSync(join(parent, 'p', 'cell-2', 'notes.txt'), 'mine');
    const before = readdirSync(join(parent, 'p')).sort();
    const f = new RunFolder(join(parent, 'p'), { force: true });
    mkdirSync(f.path('cell-2'));
    writeFileSync(join(f.path('cell-2'), 'state.json'), '{"new":1}');
    f.writeJson('cells.json', {});
    expect(() => f.commit()).toThrow(/holds cell-2, which is not a run's and which this run would write: move it away \(nothing was changed\)/);
    f.abort();
    expect(readdirSync(join(parent, 'p')).sort()).toEqual(before);
    expect(readFileSync(join(parent, 'p', 'cell-2', 'state.json'), 'utf8')).toBe('{}');
    expect(readFileSync(join(parent, 'p', 'cell-2', 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(parent)).toEqual(['p']);
  });
});
