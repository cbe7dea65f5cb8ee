// docs/outputs.md must stay true: every kind of run (each cold-start mode, a provider preset's
// deployment start, a workflow, a trace replay, per-function time series) and a sweep are run, and
// their files' headers, cell types and summary.json keys are checked against the documented
// tables; so is the Python reader's dtype table (python/serverless_dc_sim/columns.json).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';
import { simCli } from '../helpers.ts';
import { documentedFiles, type DocColumn } from './outputs-doc.ts';

const ROOT = join(import.meta.dirname, '../..');
const doc = documentedFiles();
const raw = (name: string) => JSON.parse(readFileSync(join(ROOT, 'scenarios', name), 'utf8')) as Record<string, unknown> & { output?: Record<string, unknown> };

/** Small versions of the example scenarios, one per kind of output. */
function kinds(): Record<string, Record<string, unknown>> {
  const quick = {
    ...raw('quickstart.json'),
    duration: '1m',
    output: { invocations: true, timeseries: '10s', functionTimeseries: { functions: ['auth'], top: 3 } },
  };
  const reap = raw('reap-functions.json');
  const reapSmall = { ...reap, functions: (reap.functions as unknown[]).slice(0, 2), workload: (reap.workload as unknown[]).slice(0, 2), duration: '3m' };
  const wf = raw('workflow-video.json');
  return {
    delay: quick,
    boot: { ...quick, coldStart: { mode: 'boot' } },
    // No keep-alive: each minute's request restores again, recording first, then prefetching.
    reap: {
      ...reapSmall,
      workload: [{ fixed: { function: 'helloworld', interval: '1m' } }],
      policies: { keepAlive: 'none' },
      coldStart: { mode: 'reap', flushPageCache: true, preRecorded: false },
    },
    vanilla: { ...reapSmall, coldStart: { mode: 'vanilla', controlPath: 'vhive-2024' } },
    deployment: { ...raw('provider-burst.json'), duration: '2m' },
    workflow: { ...wf, duration: '30s', output: { ...wf.output, invocations: true } },
    trace: { ...raw('azure-sample.json'), duration: '5m', output: { invocations: 0.2, timeseries: '1m', functionTimeseries: { top: 5 } } },
    gzip: { ...raw('azure-sample.json'), duration: '3m', output: { invocations: true, timeseries: '1m', functionTimeseries: { top: 2 }, compression: 'gzip' } },
    // A divided fleet: functions.csv's `cell` column and summary.json's `cells` section.
    cells: { ...quick, fleet: { nodes: [{ count: 8, cores: 16, memory: '64GiB' }], cells: 2 } },
    invitro: {
      ...quick,
      coldStart: { mode: 'boot' },
      platform: { maxQueueWait: '100ms' },
      fleet: { nodes: [{ count: 1, cores: 2, memory: '2GiB' }] },
      output: { invocations: true, invocationColumns: 'invitro' },
    },
  };
}

const INT = /^-?\d+$/;
const FLOAT = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/;

/** Problems with `file`'s header and cells against its documented columns. */
function checkCsv(file: string, text: string, documented: readonly DocColumn[]): string[] {
  const rows = parse(text) as string[][];
  const header = rows[0]!;
  const cols = documented.filter((c) => !c.dividedOnly || header.includes(c.name));
  const problems: string[] = [];
  if (JSON.stringify(header) !== JSON.stringify(cols.map((c) => c.name))) {
    return [`${file}: header ${header.join(',')} is not the documented ${cols.map((c) => c.name).join(',')}`];
  }
  cols.forEach((c, j) => {
    const optional = c.type.endsWith('?');
    const base = c.type.replace(/\?$/, '');
    for (let i = 1; i < rows.length; i++) {
      const v = rows[i]![j]!;
      const ok =
        v === ''
          ? optional
          : base === 'int'
            ? INT.test(v)
            : base === 'float'
              ? FLOAT.test(v)
              : base === '0/1'
                ? v === '0' || v === '1'
                : base === 'bool'
                  ? v === 'true' || v === 'false'
                  : true;
      if (!ok) {
        problems.push(`${file} line ${i + 1} column ${c.name} (${c.type}): "${v}"`);
        break;
      }
    }
  });
  return problems;
}

const STATS = ['count', 'mean', 'p50', 'p90', 'p99', 'p999', 'max'];

/** Leaf paths of a JSON value; documented `stats` objects and arrays are leaves. */
function leaves(v: unknown, path: string, out: string[]): void {
  const isStats = v !== null && typeof v === 'object' && !Array.isArray(v) && JSON.stringify(Object.keys(v)) === JSON.stringify(STATS);
  if (v === null || typeof v !== 'object' || Array.isArray(v) || isStats) {
    out.push(path);
    return;
  }
  for (const [k, x] of Object.entries(v)) leaves(x, path ? `${path}.${k}` : k, out);
}

function undocumentedKeys(json: unknown, cols: readonly DocColumn[]): string[] {
  const patterns = cols.map((c) => new RegExp(`^${c.name.replace(/[.$]/g, '\\$&').replace(/<[^>]+>/g, '[^.]+')}$`));
  const paths: string[] = [];
  leaves(json, '', paths);
  return paths.filter((p) => !patterns.some((re) => re.test(p)));
}

describe('docs/outputs.md', () => {
  const folders = new Map<string, string>();
  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'outputs-doc-'));
    for (const [kind, s] of Object.entries(kinds())) {
      const out = join(tmp, kind);
      await simulate(validateScenario(s), { outDir: out });
      folders.set(kind, out);
    }
  });

  it('documents every file a run writes, with its exact header and cell types, in every kind of run', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const [kind, dir] of folders) {
      for (const file of readdirSync(dir).sort()) {
        const key = file.replace(/^trace-functions-\d+\.csv$/, 'trace-functions-<i>.csv').replace(/\.gz$/, '');
        seen.add(key);
        const cols = doc.get(key);
        if (!cols) problems.push(`${kind}: ${file} is not documented`);
        else if (file.endsWith('.csv')) problems.push(...checkCsv(`${kind}/${file}`, readFileSync(join(dir, file), 'utf8'), cols));
        else if (file.endsWith('.csv.gz')) problems.push(...checkCsv(`${kind}/${file}`, gunzipSync(readFileSync(join(dir, file))).toString('utf8'), cols));
      }
      const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
      for (const p of undocumentedKeys(summary, doc.get('summary.json')!)) problems.push(`${kind}: summary.json key ${p} is not documented`);
      const resolved = JSON.parse(readFileSync(join(dir, 'scenario.resolved.json'), 'utf8')).resolved;
      for (const p of undocumentedKeys({ resolved }, doc.get('scenario.resolved.json')!))
        problems.push(`${kind}: scenario.resolved.json key ${p} is not documented`);
    }
    expect(problems).toEqual([]);
    // Every file of the run folder table was produced by some kind of run.
    expect([...seen].sort()).toEqual([
      'function-timeseries.csv',
      'functions.csv',
      'invocations-invitro.csv',
      'invocations.csv',
      'scenario.resolved.json',
      'summary.json',
      'timeseries.csv',
      'trace-functions-<i>.csv',
    ]);
  });

  it('has the same invocations.csv header in every cold-start mode, with the phases of each mode filled', () => {
    const headers = new Set<string>();
    const filled = new Set<string>();
    for (const [kind, dir] of folders) {
      if (kind === 'gzip' || kind === 'invitro') continue;
      const rows = parse(readFileSync(join(dir, 'invocations.csv'), 'utf8')) as string[][];
      headers.add(rows[0]!.join(','));
      rows[0]!.forEach((c, j) => {
        if (c.startsWith('phase_') && rows.slice(1).some((r) => r[j] !== '')) filled.add(c);
      });
    }
    expect(headers.size).toBe(1);
    // Every documented phase is reported by some mode (none is dead).
    expect([...filled].sort()).toEqual(
      doc
        .get('invocations.csv')!
        .map((c) => c.name)
        .filter((c) => c.startsWith('phase_'))
        .sort(),
    );
  });

  it('documents a sweep output: results.csv columns and manifest.json keys', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'outputs-sweep-'));
    const sweep = JSON.parse(readFileSync(join(ROOT, 'scenarios/sweeps/keepalive-ttl.json'), 'utf8'));
    const file = join(tmp, 'sweep.json');
    writeFileSync(file, JSON.stringify({ ...sweep, base: join(ROOT, 'scenarios/quickstart.json'), set: { ...sweep.set, duration: '10s' }, seeds: [1] }));
    const out = join(tmp, 'out');
    const r = simCli(['sweep', file, '--out', out, '--quiet', '--jobs', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { axes: string[]; metrics: string[] };
    expect(
      undocumentedKeys(
        manifest,
        doc.get('manifest.json')!.filter((c) => c.name !== 'runs' && c.name !== 'axes' && c.name !== 'metrics'),
      ).filter((p) => !/^(runs|axes|metrics)$/.test(p)),
    ).toEqual([]);
    const cols = doc.get('results.csv')!.flatMap((c): DocColumn[] => {
      if (c.name === '<axis path>') return manifest.axes.map((name) => ({ name, type: c.type }));
      if (c.name === '<metric path>') return manifest.metrics.map((name) => ({ name, type: c.type }));
      return [c];
    });
    expect(checkCsv('results.csv', readFileSync(join(out, 'results.csv'), 'utf8'), cols)).toEqual([]);
  });

  it("matches the Python reader's column types", () => {
    const py = JSON.parse(readFileSync(join(ROOT, 'python/serverless_dc_sim/columns.json'), 'utf8')) as Record<string, Record<string, string>>;
    const fromDoc: Record<string, Record<string, string>> = {};
    for (const [file, cols] of doc) {
      if (file.endsWith('.csv')) fromDoc[file] = Object.fromEntries(cols.filter((c) => !c.name.startsWith('<')).map((c) => [c.name, c.type]));
    }
    expect(py).toEqual(fromDoc);
  });
});
