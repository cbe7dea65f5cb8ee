// Seed inputs the mutators start from: the shipped scenarios and sweeps cut down to runs that take
// well under a second, a tiny Azure 2019 trace folder and a tiny 2021 trace, written by the harness
// into each case's folder (never the shared real traces, which must not be copied).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

type Json = Record<string, unknown>;
const readJson = (p: string): Json => JSON.parse(readFileSync(p, 'utf8')) as Json;

export const TRACE2019_DIR = 't2019';
export const TRACE2021_FILE = 't2021.csv';

/** A shipped scenario made small: seconds of simulated time, a few nodes, the harness's traces. */
function shrinkScenario(s: Json): Json {
  const out = structuredClone(s);
  delete out.description;
  const usesTrace = JSON.stringify(out.workload ?? []).includes('azure20');
  out.duration = usesTrace ? '1m' : '10s';
  const fleet = out.fleet as { nodes: Json[] } | undefined;
  for (const n of fleet?.nodes ?? []) if (typeof n.count === 'number' && n.count > 8) n.count = 4;
  for (const w of (out.workload as Json[] | undefined) ?? []) {
    const a = w.azure2019 as Json | undefined;
    if (a) {
      a.dir = TRACE2019_DIR;
      a.windowMinutes = [480, 481];
    }
  }
  return out;
}

export interface ScenarioSeed {
  readonly name: string;
  readonly doc: Json;
}

export function scenarioSeeds(): ScenarioSeed[] {
  const dir = join(REPO, 'scenarios');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), doc: shrinkScenario(readJson(join(dir, f))) }));
  seeds.push({
    name: 'azure2021-tiny',
    doc: {
      version: 1,
      name: 'azure2021-tiny',
      seed: 3,
      duration: '1m',
      fleet: { nodes: [{ count: 2, cores: 8, memory: '16GiB' }] },
      workload: [{ azure2021: { file: TRACE2021_FILE } }],
      policies: { keepAlive: 'fixed(ttl=10s)' },
      output: { invocations: true, timeseries: '10s' },
    },
  });
  return seeds;
}

export interface SweepSeed {
  readonly name: string;
  /** The sweep file; its base is rewritten to base.json in the case folder. */
  readonly doc: Json;
  readonly base: Json;
}

/** The shipped sweeps with one or two tiny runs each (the base scenario at seconds of simulated time). */
export function sweepSeeds(): SweepSeed[] {
  const dir = join(REPO, 'scenarios', 'sweeps');
  const scen = new Map(scenarioSeeds().map((s) => [s.name, s.doc]));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const doc = readJson(join(dir, f));
      delete doc.description;
      const baseName = String(doc.base)
        .replace(/^.*\//, '')
        .replace(/\.json$/, '');
      const base = structuredClone(scen.get(baseName) ?? scen.get('quickstart')!);
      base.duration = '5s';
      doc.base = 'base.json';
      const set = (doc.set ?? {}) as Json;
      for (const k of Object.keys(set)) if (k === 'duration' || k.includes('windowMinutes') || k.includes('timeseries')) delete set[k];
      // Two values on the first axis, one on the others; one seed: at most two runs.
      const axes = doc.axes as Record<string, unknown[]>;
      Object.keys(axes).forEach((k, i) => (axes[k] = axes[k]!.slice(0, i === 0 ? 2 : 1)));
      if (Array.isArray(doc.zip)) for (const g of doc.zip as string[][]) for (const k of g) axes[k] = axes[k]!.slice(0, 1);
      doc.seeds = [1];
      // Counters that only appear when something happens (evictions, prewarms) would fail a
      // 5-second seed after its runs: keep the metrics every run reports.
      if (Array.isArray(doc.metrics)) doc.metrics = (doc.metrics as string[]).filter((m) => !/^(prewarm|memory\.teardowns)\./.test(m));
      return { name: f.replace(/\.json$/, ''), doc, base };
    });
}

/** A tiny Azure 2019 trace folder: 4 functions of 3 apps, day 1, counts that vary by minute. */
export function trace2019Files(): Record<string, string> {
  const minutes = Array.from({ length: 1440 }, (_, i) => String(i + 1));
  const fns = [0, 1, 2, 3].map((i) => ({ owner: `o${i % 2}`, app: `a${i % 3}`, fn: `f${i}`, trigger: ['http', 'queue', 'timer', 'event'][i]! }));
  const inv = ['HashOwner,HashApp,HashFunction,Trigger,' + minutes.join(',')];
  fns.forEach((f, i) => inv.push(`${f.owner},${f.app},${f.fn},${f.trigger},` + minutes.map((_, m) => String((m * (i + 1)) % 5)).join(',')));
  const dur = [
    'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100',
  ];
  fns.forEach((f, i) =>
    dur.push(
      `${f.owner},${f.app},${f.fn},${100 * (i + 1)},1000,${10 * (i + 1)},${1000 * (i + 1)},${10 * (i + 1)},${20 * (i + 1)},${50 * (i + 1)},${90 * (i + 1)},${150 * (i + 1)},${600 * (i + 1)},${1000 * (i + 1)}`,
    ),
  );
  const mem = [
    'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100',
  ];
  const apps = [...new Map(fns.map((f) => [f.app, f])).values()];
  apps.forEach((f, i) =>
    mem.push(
      `${f.owner},${f.app},100,${128 * (i + 1)},${100 * (i + 1)},${105 * (i + 1)},${115 * (i + 1)},${128 * (i + 1)},${140 * (i + 1)},${160 * (i + 1)},${170 * (i + 1)},${180 * (i + 1)}`,
    ),
  );
  return {
    'invocations_per_function_md.anon.d01.csv': inv.join('\n') + '\n',
    'function_durations_percentiles.anon.d01.csv': dur.join('\n') + '\n',
    'app_memory_percentiles.anon.d01.csv': mem.join('\n') + '\n',
  };
}

/** A tiny 2021 trace: 40 invocations of 5 functions in 3 apps over the first minute. */
export function trace2021Text(): string {
  const rows = ['app,func,end_timestamp,duration'];
  for (let i = 0; i < 40; i++) {
    const d = 0.05 * (i % 7);
    rows.push(`app${i % 3},func${i % 5},${(i * 1.4 + d).toFixed(6)},${d.toFixed(3)}`);
  }
  return rows.join('\n') + '\n';
}
