// One replay benchmark run in its own process (so its peak RSS is its own): prints one JSON line.
// Argument: a JSON object { trace, windowMinutes, nodes, cores, memory, invocations, keepAlive, coldStart }.
import { validateScenario } from '../src/scenario/load.ts';
import { loadTraces } from '../src/scenario/traces.ts';
import { simulateLoaded } from '../src/simulate.ts';
import { boundHeapGrowth } from '../src/heap-growth.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

boundHeapGrowth(); // as `sim run` does
const cfg = JSON.parse(process.argv[2]!) as {
  trace: string;
  windowMinutes: [number, number];
  nodes: number;
  cores: number;
  memory: string;
  invocations: boolean;
  keepAlive: string;
  coldStart: string;
};
const minutes = cfg.windowMinutes[1] - cfg.windowMinutes[0];
const scenario = validateScenario({
  version: 1,
  name: 'bench-replay',
  seed: 1,
  duration: `${minutes}m`,
  fleet: { nodes: [{ count: cfg.nodes, cores: cfg.cores, memory: cfg.memory }] },
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
const r = simulateLoaded(scenario, traces, { outDir: join(out, 'run') });
const t2 = performance.now();
rmSync(out, { recursive: true, force: true });
const s = r.summary as { invocations: { arrivals: number; completed: number; dropped: { total: number } }; simulated: { events: number } };
console.log(
  JSON.stringify({
    arrivals: s.invocations.arrivals,
    dropped: s.invocations.dropped.total,
    events: s.simulated.events,
    loadMs: t1 - t0,
    simMs: t2 - t1,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
