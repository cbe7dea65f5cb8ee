// One replay benchmark run in its own process (so its peak RSS is its own): prints one JSON line.
// Argument: a JSON object { trace, windowMinutes, nodes, cores, memory, invocations, keepAlive, coldStart,
// and for a divided fleet cells, threads, and optionally shard [i, n] with out (a partial folder kept) }.
import { validateScenario } from '../src/scenario/load.ts';
import { loadTraces } from '../src/scenario/traces.ts';
import { simulateDivided, simulateLoaded, simulatePart, type Result } from '../src/simulate.ts';
import { boundHeapGrowth } from '../src/heap-growth.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

boundHeapGrowth(); // as `sim run` does

/** CPU time of this process so far (every thread, user + system), ms. */
const cpuMs = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1000;
};
const cfg = JSON.parse(process.argv[2]!) as {
  trace: string;
  windowMinutes: [number, number];
  nodes: number;
  cores: number;
  memory: string;
  invocations: boolean;
  keepAlive: string;
  coldStart: string;
  cells?: number;
  cellAssignment?: 'hash' | 'balanced';
  threads?: number;
  shard?: [number, number];
  out?: string;
};
const minutes = cfg.windowMinutes[1] - cfg.windowMinutes[0];
const scenario = validateScenario({
  version: 1,
  name: 'bench-replay',
  seed: 1,
  duration: `${minutes}m`,
  fleet: {
    nodes: [{ count: cfg.nodes, cores: cfg.cores, memory: cfg.memory }],
    ...(cfg.cells ? { cells: cfg.cells } : {}),
    ...(cfg.cellAssignment ? { cellAssignment: cfg.cellAssignment } : {}),
  },
  workload: [{ azure2019: { dir: cfg.trace, windowMinutes: cfg.windowMinutes } }],
  policies: { keepAlive: cfg.keepAlive },
  coldStart: { mode: cfg.coldStart },
  platform: { maxQueueWait: '10m' },
  output: { invocations: cfg.invocations, timeseries: '10m' },
});
const t0 = performance.now(); // wall clock: benchmark measurement only
const traces = await loadTraces(scenario);
const t1 = performance.now();
const out = mkdtempSync(join(tmpdir(), 'bench-replay-'));
if (cfg.shard) {
  // One shard of a divided run into a kept partial folder: the wall time is what one machine of a cluster run would take.
  await simulatePart(scenario, traces, { index: cfg.shard[0], count: cfg.shard[1] }, { outDir: cfg.out!, threads: cfg.threads ?? 1, force: true });
  const t2 = performance.now();
  rmSync(out, { recursive: true, force: true });
  console.log(JSON.stringify({ loadMs: t1 - t0, simMs: t2 - t1, maxRssMiB: process.resourceUsage().maxRSS / 1024, cpuMs: cpuMs() }));
  process.exit(0);
}
const r: Result =
  (cfg.cells ?? 1) > 1
    ? await simulateDivided(scenario, traces, { outDir: join(out, 'run'), threads: cfg.threads ?? 1 })
    : simulateLoaded(scenario, traces, { outDir: join(out, 'run') });
const t2 = performance.now();
rmSync(out, { recursive: true, force: true });
const s = r.summary as {
  invocations: { arrivals: number; completed: number; dropped: { total: number } };
  simulated: { events: number };
  coldStarts: { invocations: number };
  memory: { idleGBs: number };
  latencyMs: { endToEnd: { p99: number } };
  apps: { coldStartPercent: { p75: number } };
};
console.log(
  JSON.stringify({
    arrivals: s.invocations.arrivals,
    dropped: s.invocations.dropped.total,
    events: s.simulated.events,
    loadMs: t1 - t0,
    simMs: t2 - t1,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    cpuMs: cpuMs(),
    coldPct: (100 * s.coldStarts.invocations) / Math.max(1, s.invocations.completed),
    idleGBs: s.memory.idleGBs,
    p99Ms: s.latencyMs.endToEnd.p99,
    appP75ColdPct: s.apps.coldStartPercent.p75,
  }),
);
