// A divided fleet (fleet.cells) run as a user does: the run folder does not depend on how the cells
// ran (one thread, worker threads, or shards merged by `sim merge`), one cell is the undivided run,
// a workflow never spans cells, and every arrival of the undivided run is replayed.
import { gunzipSync } from 'node:zlib';
import { cpSync, symlinkSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simCli } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'sim-cells-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sim = (args: string[]) => simCli(args, root);
const ok = (args: string[]) => {
  const r = sim(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
};

// Twelve functions in eight apps (two apps of three functions), one workflow across three apps,
// and a function-timeseries: every output file a divided run merges.
const apps = ['shop', 'shop', 'shop', 'blog', 'mail', 'auth', 'auth', 'auth', 'feed', 'img'];
const scenario = {
  version: 1,
  name: 'cells',
  seed: 7,
  duration: '2m',
  fleet: {
    nodes: [
      { count: 6, cores: 8, memory: '16GiB' },
      { count: 3, cores: 4, memory: '8GiB' },
    ],
    cells: 4,
  },
  functions: [
    ...apps.map((app, i) => ({ name: `f${i}`, app, memory: '256MiB', execution: { lognormal: { median: `${20 + 10 * i}ms`, sigma: 0.5 } } })),
    { name: 'split', app: 'wf-a', memory: '256MiB', execution: '30ms' },
    { name: 'work', app: 'wf-b', memory: '512MiB', execution: '80ms' },
    { name: 'join', app: 'wf-c', memory: '256MiB', execution: '20ms' },
  ],
  workflows: [
    {
      name: 'wf',
      stages: [
        { name: 's', function: 'split' },
        { name: 'm', function: 'work', after: ['s'], pattern: 'scatter', fanout: 4, payload: '1MB' },
        { name: 'r', function: 'join', after: ['m'], pattern: 'gather', payload: '10KB' },
      ],
    },
  ],
  workload: [...apps.map((_, i) => ({ poisson: { function: `f${i}`, rate: `${2 + i}/s` } })), { poisson: { workflow: 'wf', rate: '1/s' } }],
  policies: { keepAlive: 'fixed(ttl=20s)' },
  output: { timeseries: '10s', functionTimeseries: { top: 4 } },
};

/** Every file of a run folder as bytes, by name. */
function files(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );
}
const csv = (dir: string, name: string) =>
  readFileSync(join(dir, name), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));

beforeAll(() => {
  writeFileSync(join(root, 'cells.json'), JSON.stringify(scenario));
  writeFileSync(join(root, 'gz.json'), JSON.stringify({ ...scenario, name: 'gz', output: { ...scenario.output, compression: 'gzip' } }));
  const { fleet, ...rest } = scenario;
  writeFileSync(join(root, 'one.json'), JSON.stringify({ ...rest, fleet: { nodes: fleet.nodes } }));
});

describe('a divided fleet', () => {
  it('--threads 1, --threads 3 and --cells 1/2 + 2/2 + sim merge give byte-identical run folders', () => {
    ok(['run', 'cells.json', '--out', 't1', '--quiet']);
    ok(['run', 'cells.json', '--out', 't3', '--threads', '3', '--quiet']);
    ok(['run', 'cells.json', '--out', 'p1', '--cells', '1/2', '--quiet']);
    ok(['run', 'cells.json', '--out', 'p2', '--cells', '2/2', '--quiet']);
    expect(readdirSync(join(root, 'p1')).sort()).toEqual(['cell-0', 'cell-2', 'cells.json', 'scenario.resolved.json']);
    ok(['merge', 'p2', 'p1', '--out', 'm', '--quiet']); // in any order
    const t1 = files(join(root, 't1'));
    expect([...t1.keys()]).toEqual(['function-timeseries.csv', 'functions.csv', 'invocations.csv', 'scenario.resolved.json', 'summary.json', 'timeseries.csv']);
    for (const other of ['t3', 'm']) {
      const f = files(join(root, other));
      expect([...f.keys()]).toEqual([...t1.keys()]);
      for (const [name, bytes] of t1) expect(f.get(name)!.equals(bytes), `${other}/${name}`).toBe(true);
    }
  });

  it('the merged folder adds up: cells sum to the totals, one header, a row per invocation, a cell per function', () => {
    const dir = join(root, 't1');
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const byCell = s.cells.byCell as { arrivals: number; completed: number; nodes: number; functions: number; events: number }[];
    expect(s.cells.count).toBe(4);
    expect(byCell.reduce((a, c) => a + c.arrivals, 0)).toBe(s.invocations.arrivals);
    expect(byCell.reduce((a, c) => a + c.completed, 0)).toBe(s.invocations.completed);
    expect(byCell.reduce((a, c) => a + c.nodes, 0)).toBe(9);
    expect(byCell.reduce((a, c) => a + c.functions, 0)).toBe(13);
    expect(byCell.reduce((a, c) => a + c.events, 0)).toBe(s.simulated.events);
    expect(s.notes.join(' ')).toMatch(/simulated as 4 independent cells/);
    const rows = csv(dir, 'invocations.csv');
    expect(rows.filter((r) => r[0] === 'id')).toHaveLength(1);
    expect(rows.length - 1).toBe(s.invocations.arrivals);
    const fns = csv(dir, 'functions.csv');
    expect(fns[0]!.at(-1)).toBe('cell');
    // Every function of an app, and every stage of the workflow, in one cell.
    const cellOf = new Map(fns.slice(1).map((r) => [r[0]!, r.at(-1)!]));
    apps.forEach((app, i) => apps.forEach((b, j) => app === b && expect(cellOf.get(`f${i}`)).toBe(cellOf.get(`f${j}`))));
    expect(new Set(['split', 'work', 'join'].map((f) => cellOf.get(f))).size).toBe(1);
    expect(s.workflows.byWorkflow.wf.completed).toBeGreaterThan(0);
    // The time series counts what the summary counts.
    const ts = csv(dir, 'timeseries.csv');
    const col = ts[0]!.indexOf('arrivals');
    expect(ts.slice(1).reduce((a, r) => a + Number(r[col]), 0)).toBe(s.invocations.arrivals);
  });

  it("each function's arrivals, and with room to spare its execution times, are the undivided run's (its streams are its own)", () => {
    ok(['run', 'one.json', '--out', 'one', '--quiet']);
    const column = (dir: string, name: string) => {
      const rows = csv(join(root, dir), 'functions.csv');
      const k = rows[0]!.indexOf(name);
      return new Map(rows.slice(1).map((r) => [r[0]!, r[k]!]));
    };
    expect(column('t1', 'arrivals')).toEqual(column('one', 'arrivals'));
    // Cores to spare: no CPU sharing, so each execution takes what its function's own stream drew.
    const roomy = [
      '--set',
      'fleet.nodes[0].cores=1024',
      '--set',
      'fleet.nodes[1].cores=1024',
      '--set',
      'workflows=[]',
      '--set',
      `workload=${JSON.stringify(scenario.workload.slice(0, -1))}`,
    ];
    ok(['run', 'one.json', '--out', 'one-roomy', '--quiet', ...roomy]);
    ok(['run', 'cells.json', '--out', 'cells-roomy', '--quiet', ...roomy]);
    expect(column('cells-roomy', 'mean_exec_ms')).toEqual(column('one-roomy', 'mean_exec_ms'));
  });

  it('fleet.cells 1 is the undivided run: the same files, the scenario echoing the field', () => {
    ok(['run', 'one.json', '--out', 'k1', '--set', 'fleet.cells=1', '--quiet']);
    const a = files(join(root, 'one'));
    const b = files(join(root, 'k1'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) if (name !== 'scenario.resolved.json') expect(b.get(name)!.equals(bytes), name).toBe(true);
    const ra = JSON.parse(a.get('scenario.resolved.json')!.toString());
    const rb = JSON.parse(b.get('scenario.resolved.json')!.toString());
    expect(rb.fleet.cells).toBe(1);
    delete rb.fleet.cells;
    expect(rb).toEqual(ra);
  });

  it('compressed: the merged .gz is one valid stream with one header, the same for threads and shards', () => {
    ok(['run', 'gz.json', '--out', 'g1', '--threads', '2', '--quiet']);
    ok(['run', 'gz.json', '--out', 'gp1', '--cells', '1/3', '--quiet']);
    ok(['run', 'gz.json', '--out', 'gp2', '--cells', '2/3', '--quiet']);
    ok(['run', 'gz.json', '--out', 'gp3', '--cells', '3/3', '--quiet']);
    ok(['merge', 'gp1', 'gp2', 'gp3', '--out', 'gm', '--quiet']);
    const a = files(join(root, 'g1'));
    const b = files(join(root, 'gm'));
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);
    const text = gunzipSync(a.get('invocations.csv.gz')!).toString();
    const plain = readFileSync(join(root, 't1', 'invocations.csv'), 'utf8');
    expect(text).toBe(plain);
  });
});

describe('policy statistics of a divided run', () => {
  it("counts are summed over the cells, a policy's levels (Greedy-Dual's clock) take the largest cell's", () => {
    // Small nodes, so that Greedy-Dual evicts and its clock moves in each part.
    const gd = ['--set', 'policies.keepAlive=greedy-dual', '--set', 'fleet.nodes[0].memory=2GiB', '--set', 'fleet.nodes[1].memory=2GiB', '--quiet'];
    ok(['run', 'cells.json', '--out', 'gd1', '--cells', '1/2', ...gd]);
    ok(['run', 'cells.json', '--out', 'gd2', '--cells', '2/2', ...gd]);
    ok(['merge', 'gd1', 'gd2', '--out', 'gdm', '--quiet']);
    const states = ['gd1/cell-0', 'gd2/cell-1', 'gd1/cell-2', 'gd2/cell-3'].map(
      (d) => JSON.parse(readFileSync(join(root, d, 'state.json'), 'utf8')).policyStats.keepAlive as { clock: number; evictions: number },
    );
    const merged = JSON.parse(readFileSync(join(root, 'gdm', 'summary.json'), 'utf8')).policyStats.keepAlive;
    expect(states.filter((x) => x.evictions > 0).length).toBeGreaterThan(1);
    expect(merged.evictions).toBe(states.reduce((a, x) => a + x.evictions, 0));
    expect(merged.clock).toBe(Math.max(...states.map((x) => x.clock)));
    expect(merged.clock).toBeLessThan(states.reduce((a, x) => a + x.clock, 0));
  });
});

describe('bad --cells, --threads and merges exit 2 before any work', () => {
  const refused = (args: string[], message: RegExp, out: string) => {
    const r = sim(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(root, out))).toBe(false);
  };

  it('bad values are named', () => {
    refused(['run', 'cells.json', '--cells', '3/2', '--out', 'x1'], /--cells: "3\/2": the shard number must be from 1 to 2/, 'x1');
    refused(['run', 'cells.json', '--cells', '0/2', '--out', 'x1'], /--cells: "0\/2"/, 'x1');
    refused(['run', 'cells.json', '--cells', 'half', '--out', 'x1'], /--cells: "half": expected i\/n/, 'x1');
    refused(['run', 'cells.json', '--cells', '1/5', '--out', 'x1'], /--cells: 1\/5: 5 parts of 4 cells would leave some empty; expected n at most 4/, 'x1');
    refused(['run', 'one.json', '--cells', '1/2', '--out', 'x1'], /--cells: the scenario has one cell/, 'x1');
    refused(['run', 'cells.json', '--threads', '0', '--out', 'x1'], /--threads: 0: expected a whole number of worker threads/, 'x1');
    refused(['run', 'cells.json', '--threads', '1.5', '--out', 'x1'], /--threads: 1\.5/, 'x1');
    refused(['run', 'cells.json', '--set', 'fleet.cells=10', '--out', 'x1'], /fleet\.cells: 10 cells but 9 nodes/, 'x1');
  });

  it('merges of parts that do not make one run are refused', () => {
    ok(['run', 'cells.json', '--out', 'q1', '--cells', '1/2', '--quiet']);
    ok(['run', 'cells.json', '--out', 'q2', '--cells', '2/2', '--quiet', '--seed', '8']);
    refused(['merge', 'q1', '--out', 'x2'], /cells 1, 3 of 4 are in none of the folders given/, 'x2');
    refused(['merge', 'q1', 'q1', '--out', 'x2'], /cell 0 is also in q1: give each partial folder once/, 'x2');
    refused(['merge', 'q1', 'q2', '--out', 'x2'], /another scenario than/, 'x2');
    refused(['merge', 'q1', 't1', '--out', 'x2'], /t1: not a partial run folder/, 'x2');
    refused(['merge', 'q1', 'p2', '--out', 'q1'], /--out: is also a folder to merge/, 'x2');
    symlinkSync(join(root, 'q1'), join(root, 'q1-link'));
    refused(['merge', 'q1-link', 'p2', '--out', 'q1'], /--out: is also a folder to merge \(q1-link\)/, 'x2');
    refused(['merge', 'q1', 'no-such', '--out', 'x2'], /no-such: no such folder/, 'x2');
    expect(readdirSync(join(root, 'q1')).sort()).toEqual(['cell-0', 'cell-2', 'cells.json', 'scenario.resolved.json']);
    // Damaged parts: a cell's state or invocation rows gone, a manifest edited by hand.
    ok(['run', 'cells.json', '--out', 'd2', '--cells', '2/2', '--quiet']);
    cpSync(join(root, 'p1'), join(root, 'd1'), { recursive: true });
    rmSync(join(root, 'd1', 'cell-2', 'state.json'));
    refused(['merge', 'd1', 'd2', '--out', 'x3'], /d1\/cell-2\/state\.json: cannot be read \(ENOENT\): the partial run folder is incomplete/, 'x3');
    cpSync(join(root, 'p1', 'cell-2', 'state.json'), join(root, 'd1', 'cell-2', 'state.json'));
    rmSync(join(root, 'd1', 'cell-0', 'invocations.csv'));
    refused(['merge', 'd1', 'd2', '--out', 'x3'], /d1\/cell-0\/invocations\.csv: missing: the partial run folder is incomplete/, 'x3');
    writeFileSync(join(root, 'd1', 'cells.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'p1', 'cells.json'), 'utf8')), ran: [0, 9] }));
    refused(['merge', 'd1', 'd2', '--out', 'x3'], /d1\/cells\.json: expected "cells" \(2 or more\), "ran"/, 'x3');
    // Parts that read different trace data (here: a manifest whose trace report differs) do not make one run.
    writeFileSync(
      join(root, 'd1', 'cells.json'),
      JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'p1', 'cells.json'), 'utf8')), traces: [{ report: {}, functions: 1 }] }),
    );
    refused(['merge', 'd1', 'd2', '--out', 'x3'], /d2\/cells\.json: traces: its trace sources read other data than .*d1's/, 'x3');
  });
});
