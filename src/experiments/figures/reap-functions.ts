// Figure `reap-functions`: each REAP (ASPLOS'21) function's warm, vanilla-snapshot and REAP cold
// start latency, simulated by running scenarios/reap-functions.json through simulate(), with the
// paper's measurements drawn as labelled reference marks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TopLevelSpec } from 'vega-lite';
import { getFunctionProfile } from '../../model/coldstart/profiles.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import { functionColumn, repoPath, requireAllCompleted, runScenario } from './runs.ts';
import { round } from './write.ts';
import { logTicks } from './render.ts';
import type { Figure, FigureData } from './types.ts';

const SCENARIO = 'reap-functions.json';
const STARTS = ['warm', 'vanilla snapshot', 'REAP'] as const;
const COLORS = ['#7f7f7f', '#e45756', '#4c78a8'];
export const PAPER_LABEL = "paper (Ustiugov et al., ASPLOS'21)";

/** Mean latency of each function's single cold invocation in one mode. */
async function coldLatencies(mode: 'vanilla' | 'reap'): Promise<Map<string, number>> {
  const r = await runScenario(SCENARIO, [`coldStart.mode=${mode}`, 'output.invocations=false']);
  requireAllCompleted(r, `${SCENARIO} (${mode})`);
  const [fn, cold, mean] = [functionColumn('function'), functionColumn('cold_starts'), functionColumn('mean_latency_ms')];
  const out = new Map<string, number>();
  for (const row of r.functions) {
    if (row[cold] !== 1) throw new Error(`${SCENARIO} (${mode}): ${row[fn]} had ${row[cold]} cold starts, expected 1`);
    out.set(String(row[fn]), Number(row[mean]));
  }
  return out;
}

/**
 * Warm latency: the same scenario with every function invoked every 10 s under a 1-hour
 * keep-alive, so each function's first invocation is cold and the rest reuse its instance; the
 * warm ones are picked out of invocations.csv (the per-function row mixes cold and warm).
 */
async function warmLatencies(): Promise<Map<string, number>> {
  const base = loadScenarioFile(repoPath('scenarios', SCENARIO));
  const sets = ['policies.keepAlive=fixed(ttl=1h)', 'output.invocations=true'];
  base.workload.forEach((w, i) => {
    if ('fixed' in w) sets.push(`workload[${i}].fixed.interval=10s`);
  });
  const dir = mkdtempSync(join(tmpdir(), 'sim-fig-warm-'));
  try {
    const r = await runScenario(SCENARIO, sets, { outDir: join(dir, 'run') });
    requireAllCompleted(r, `${SCENARIO} (warm)`);
    const rows = parse(readFileSync(join(dir, 'run', 'invocations.csv')), { columns: true }) as Record<string, string>[];
    const sum = new Map<string, { total: number; n: number }>();
    for (const row of rows) {
      if (row.cold !== '0' || row.outcome !== 'completed') continue;
      const s = sum.get(row.function!) ?? { total: 0, n: 0 };
      s.total += Number(row.latency_us) / 1000;
      s.n++;
      sum.set(row.function!, s);
    }
    return new Map([...sum].map(([f, s]) => [f, s.total / s.n]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function build(): Promise<FigureData> {
  // --quick changes nothing here: the three runs take well under a second together.
  const [warm, vanilla, reap] = [await warmLatencies(), await coldLatencies('vanilla'), await coldLatencies('reap')];
  const names = [...vanilla.keys()];
  const sim: { function: string; start: string; ms: number }[] = [];
  const ref: { function: string; start: string; ms: number; source: string }[] = [];
  const rows = names.map((f) => {
    const paper = getFunctionProfile(f)?.paper;
    if (!paper) throw new Error(`reap-functions: no REAP profile for ${f}`);
    const w = warm.get(f);
    if (w === undefined) throw new Error(`reap-functions: no warm invocation of ${f}`);
    const v = vanilla.get(f)!;
    const r = reap.get(f)!;
    [w, v, r].forEach((ms, i) => sim.push({ function: f, start: STARTS[i]!, ms: round(ms) }));
    [paper.warmMs, paper.vanillaMs, paper.reapMs].forEach((ms, i) => ref.push({ function: f, start: STARTS[i]!, ms, source: PAPER_LABEL }));
    return [f, round(w), round(v), round(r), round(v / r, 2), paper.warmMs, paper.vanillaMs, paper.reapMs, round(paper.vanillaMs / paper.reapMs, 2)];
  });
  const x = { field: 'function', type: 'nominal', sort: names, title: null, axis: { labelAngle: -35 } } as const;
  const xOffset = { field: 'start', type: 'nominal', sort: [...STARTS] } as const;
  // stack: null, or vega-lite puts 0 in the bars' log domain (and draws nothing); 0.5 ms keeps 1 ms bars visible.
  const all = [...sim, ...ref].map((d) => d.ms);
  const y = {
    field: 'ms',
    type: 'quantitative',
    stack: null,
    scale: { type: 'log', domainMin: 0.5 },
    axis: { values: logTicks(0.5, 2 * Math.max(...all), true) },
    title: 'latency (ms, log scale)',
  } as const;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Cold-start latency per function: warm, vanilla snapshot, REAP',
      subtitle: ['bars: simulated (scenarios/reap-functions.json, SATA SSD, page cache flushed)', "diamonds: the paper's measurements (reference)"],
    },
    width: 640,
    height: 320,
    layer: [
      {
        data: { values: sim },
        mark: { type: 'bar' },
        encoding: {
          x,
          xOffset,
          y,
          color: { field: 'start', type: 'nominal', sort: [...STARTS], scale: { domain: [...STARTS], range: COLORS }, title: 'simulated' },
        },
      },
      {
        data: { values: ref },
        mark: { type: 'point', filled: true, size: 40, color: 'black' },
        encoding: {
          x,
          xOffset,
          y,
          shape: { field: 'source', type: 'nominal', scale: { range: ['diamond'] }, title: 'reference' },
        },
      },
    ],
  };
  return {
    spec,
    columns: ['function', 'warm_ms', 'vanilla_ms', 'reap_ms', 'speedup', 'paper_warm_ms', 'paper_vanilla_ms', 'paper_reap_ms', 'paper_speedup'],
    rows,
    series: [...STARTS],
    points: sim.length,
    referencePoints: ref.length,
    notes: [
      `simulated: ${SCENARIO} run through simulate() three times (coldStart.mode=reap, coldStart.mode=vanilla, and a warm run: every function every 10 s under fixed(ttl=1h), warm invocations from invocations.csv)`,
      `reference: the paper's warm/vanilla/REAP means (src/calibration/reap-asplos21-functions.csv), drawn as diamonds`,
    ],
  };
}

export const reapFunctions: Figure = {
  name: 'reap-functions',
  title: 'REAP per-function cold start (warm / vanilla / REAP)',
  build,
};
