// Builds a runnable simulation from a validated scenario: converts units, expands node groups,
// instantiates policies, the start path and the arrival streams, and wires the recorder.
import { BoundedStream, MergedStream, type OrderedStream } from '../engine/lane.ts';
import { RandomStreams } from '../engine/random.ts';
import { CellStreams } from './cell-streams.ts';
import { Simulator } from '../engine/simulator.ts';
import { parseDuration, parseMemoryMiB, parseRate } from '../engine/units.ts';
import { createStartPath } from '../model/coldstart/factory.ts';
import { buildFetchPath, providerConfig } from './build-provider.ts';
import type { NodeStorageConfig } from '../model/coldstart/node-storage.ts';
import type { StartPath } from '../model/coldstart/start-path.ts';
import type { FunctionSpec } from '../model/function.ts';
import type { BuiltWorkflows } from '../model/workflow/built.ts';
import { Platform, type NodeSpec } from '../model/platform.ts';
import { PRIORITY } from '../model/event-priority.ts';
import { Recorder } from '../metrics/recorder.ts';
import { buildAutoscaler, buildKeepAlive, buildPlacement } from '../policy/registry.ts';
import { BurstStream, FixedIntervalStream, PoissonStream } from '../workload/synthetic.ts';
import { functionMemoryMiB } from './check.ts';
import { buildDistribution } from './distributions.ts';
import { profileDefaults } from './profiles.ts';
import { InputError } from '../input/errors.ts';
import type { ResolvedScenario } from './schema.ts';
import { phaseColumns } from '../model/coldstart/phase-columns.ts';
import type { LoadedTraces } from './traces.ts';
import { buildWorkflows } from './workflows.ts';

export interface BuiltSimulation {
  readonly sim: Simulator;
  readonly rng: RandomStreams;
  readonly platform: Platform;
  readonly recorder: Recorder;
  readonly functions: readonly FunctionSpec[];
  readonly nodes: readonly NodeSpec[];
  readonly startPath: StartPath;
  readonly duration: number;
  /** The workflow engine and its transfer services, if the scenario has workflows. */
  readonly workflows: BuiltWorkflows | null;
  /** Canonical policy names, as the run used them. */
  readonly policyNames: Readonly<Record<string, string>>;
  readonly policyStats: () => Record<string, Record<string, number>>;
  /** Per policy kind, the names in its stats that are levels, not counts (policy-interfaces.ts). */
  readonly policyLevelStats: Readonly<Record<string, readonly string[]>>;
}

export interface BuildOptions {
  /** Where to write invocations.csv during the run (null: do not write it). */
  readonly invocationsPath: string | null;
  /** false: write invocations.csv without its header row (a cell's part, joined after one header); default true. */
  readonly invocationsHeader?: boolean;
  /** Loaded trace sources, one per workload entry (null for synthetic ones); see traces.ts. */
  readonly traces?: LoadedTraces;
  /**
   * Build one cell of a divided fleet (fleet.cells > 1) from its restricted scenario (cell-scenario.ts):
   * its functions' and workflows' own random streams (arrivals, execution times, cold-start delays,
   * front-end hops, payloads) are the undivided run's, the streams the cell shares are its own
   * (cell-streams.ts), and workload sources whose target is in another cell are left out.
   */
  readonly cell?: { readonly index: number };
}

export function buildFunctions(s: ResolvedScenario, traces: LoadedTraces = []): FunctionSpec[] {
  const declared = s.functions.map((f): FunctionSpec => {
    const profile = f.profile !== undefined ? profileDefaults(f.profile) : undefined;
    const execution = f.execution !== undefined ? buildDistribution(f.execution) : profile!.execution;
    return {
      name: f.name,
      app: f.app ?? f.name,
      memoryMiB: functionMemoryMiB(f),
      vcpus: f.vcpus,
      concurrency: f.concurrency,
      execution,
      profile: f.profile ?? null,
      coldStartDelay: f.coldStart !== undefined ? buildDistribution(f.coldStart) : null,
    };
  });
  const out = [...declared];
  const names = new Set(out.map((f) => f.name));
  // A loop, not Math.max(...nodes): spreading 150,000+ arguments overflows the stack.
  let maxNodeMiB = 0;
  for (const g of s.fleet.nodes) maxNodeMiB = Math.max(maxNodeMiB, parseMemoryMiB(g.memory));
  traces.forEach((t, i) => {
    if (!t) return;
    const w = s.workload[i]!;
    const src = 'azure2019' in w ? w.azure2019 : 'azure2021' in w ? w.azure2021 : null;
    const at = `workload[${i}]`;
    for (const tf of t.functions) {
      if (names.has(tf.name)) {
        throw new InputError({ where: at, message: `trace function "${tf.name}" has the name of another function` });
      }
      if (tf.memoryMiB > maxNodeMiB) {
        throw new InputError({
          where: at,
          message: `trace function "${tf.name}" needs ${tf.memoryMiB} MiB; the largest node has ${maxNodeMiB} MiB`,
        });
      }
      names.add(tf.name);
      out.push({
        name: tf.name,
        app: tf.app,
        memoryMiB: tf.memoryMiB,
        vcpus: src?.vcpus ?? 1,
        concurrency: src?.concurrency ?? 1,
        execution: tf.duration,
        ...(tf.recordedUs ? { recordedUs: tf.recordedUs } : {}),
        profile: src?.profile ?? null,
        coldStartDelay: null,
      });
    }
  });
  return out;
}

export function buildNodes(s: ResolvedScenario): NodeSpec[] {
  const nodes: NodeSpec[] = [];
  s.fleet.nodes.forEach((g, group) => {
    const memoryMiB = parseMemoryMiB(g.memory);
    for (let i = 0; i < g.count; i++) nodes.push({ cores: g.cores, memoryMiB, group });
  });
  return nodes;
}

/** Disk and page cache of every node, in node order. */
export function buildNodeStorage(s: ResolvedScenario): NodeStorageConfig[] {
  const out: NodeStorageConfig[] = [];
  for (const g of s.fleet.nodes) {
    for (let i = 0; i < g.count; i++) out.push({ disk: g.disk, pageCacheMiB: parseMemoryMiB(g.pageCache) });
  }
  return out;
}

export function buildArrivals(
  s: ResolvedScenario,
  rng: RandomStreams,
  duration: number,
  traces: LoadedTraces = [],
  totalFunctions = s.functions.length,
  /** Leave out sources whose function or workflow is not in `s` (a cell's restricted scenario). */
  otherCellsLeftOut = false,
): OrderedStream {
  const index = new Map(s.functions.map((f, i) => [f.name, i]));
  // Workflow starts travel in the same lane as payloads past the function indices.
  s.workflows.forEach((wf, w) => index.set(`workflow:${wf.name}`, totalFunctions + w));
  const target = (p: { function?: string; workflow?: string }) => (p.function !== undefined ? index.get(p.function)! : index.get(`workflow:${p.workflow}`)!);
  const label = (p: { function?: string; workflow?: string }) => p.function ?? `workflow:${p.workflow}`;
  let base = s.functions.length;
  const inScenario = (p: { function?: string; workflow?: string }) => (p.function !== undefined ? index.has(p.function) : index.has(`workflow:${p.workflow}`));
  const streams: OrderedStream[] = [];
  s.workload.forEach((w, i) => {
    if (otherCellsLeftOut && !('azure2019' in w || 'azure2021' in w) && !inScenario('poisson' in w ? w.poisson : 'fixed' in w ? w.fixed : w.burst)) return;
    streams.push(source(w, i));
  });
  function source(w: ResolvedScenario['workload'][number], i: number): OrderedStream {
    const trace = traces[i];
    if (trace) {
      const stream = new BoundedStream(trace.stream(base, rng), duration);
      base += trace.functions.length;
      return stream;
    }
    if ('azure2019' in w || 'azure2021' in w) throw new Error(`workload[${i}]: trace not loaded`);
    if ('poisson' in w) {
      const p = w.poisson;
      const end = Math.min(duration, p.end !== undefined ? parseDuration(p.end) : duration);
      const rate = parseRate(p.rate) / 1e6;
      return new PoissonStream(target(p), rate, parseDuration(p.start), end, rng.stream(`arrivals/${i}/${label(p)}`));
    }
    if ('fixed' in w) {
      const p = w.fixed;
      const end = Math.min(duration, p.end !== undefined ? parseDuration(p.end) : duration);
      return new FixedIntervalStream(target(p), parseDuration(p.interval), parseDuration(p.start), parseDuration(p.offset), end);
    }
    const p = w.burst;
    const end = Math.min(duration, p.end !== undefined ? parseDuration(p.end) : duration);
    return new BurstStream(target(p), p.size, parseDuration(p.every), parseDuration(p.start), parseDuration(p.offset), end);
  }
  // One source needs no merge (the common trace-replay case).
  return streams.length === 1 ? streams[0]! : new MergedStream(streams);
}

export function buildSimulation(s: ResolvedScenario, opts: BuildOptions): BuiltSimulation {
  const sim = new Simulator();
  const functions = buildFunctions(s, opts.traces);
  const rng = opts.cell
    ? new CellStreams(
        s.seed,
        opts.cell.index,
        functions.map((f) => f.name),
        s.workflows.map((w) => w.name),
      )
    : new RandomStreams(s.seed);
  // Workload sources draw from the master seed in a cell too (their streams are named per source
  // and function), so every function's arrivals are the undivided run's.
  const arrivalRng = opts.cell ? new RandomStreams(s.seed) : rng;
  const duration = parseDuration(s.duration);
  const nodes = buildNodes(s);
  const ctx = { random: (name: string) => rng.stream(`policy/${name}`) };
  const placement = buildPlacement(s.policies.placement, ctx);
  const autoscaler = buildAutoscaler(s.policies.autoscaler, ctx);
  const keepAlive = buildKeepAlive(s.policies.keepAlive, ctx);
  const cs = s.coldStart;
  const startPath: StartPath =
    s.deployment !== undefined
      ? buildFetchPath(s.deployment, sim, rng, functions)
      : createStartPath(
          cs.mode === 'delay' ? 'fixed' : cs.mode,
          { sim, rng },
          {
            fixedDelay: buildDistribution(cs.delay),
            fixedOverrides: functions.map((f) => f.coldStartDelay),
            functionNames: functions.map((f) => f.name),
            nodes: buildNodeStorage(s),
            flushPageCacheBeforeColdStart: cs.flushPageCache,
            snapshotLocation: cs.snapshotLocation,
            wsFileIo: cs.wsFileIo,
            assumeRecorded: cs.preRecorded,
            fallbackProfile: cs.fallbackProfile,
            snapshotCopies: cs.snapshotCopies ?? 'shared',
            controlPath: cs.controlPath ?? 'none',
            readAround: cs.readAround ?? 'none',
          },
        );
  const recorder = new Recorder({
    functionNames: functions.map((f) => f.name),
    functionMemoryMiB: functions.map((f) => f.memoryMiB),
    phaseNames: phaseColumns(startPath),
    counterNames: startPath.counterNames ?? [],
    invocationsPath: opts.invocationsPath,
    ...(opts.invocationsHeader === false ? { invocationsHeader: false } : {}),
    invocationColumns: s.output.invocationColumns ?? 'native',
    invocationsSample: typeof s.output.invocations === 'number' ? s.output.invocations : 1,
  });
  const platform = new Platform(sim, rng, {
    functions,
    nodes,
    cpuMode: s.platform.cpu,
    maxQueueWait: parseDuration(s.platform.maxQueueWait),
    placement,
    autoscaler,
    keepAlive,
    startPath,
    observer: recorder,
    ...providerConfig(s),
    horizon: duration,
  });
  // The workflow engine needs the platform: built after it, and attached to it (buildWorkflows).
  const workflows = s.workflows.length > 0 ? buildWorkflows(s, sim, rng, platform, functions, nodes) : null;
  sim.setLane(buildArrivals(s, arrivalRng, duration, opts.traces, functions.length, opts.cell !== undefined), platform.kArrival, PRIORITY.arrival);
  return {
    sim,
    rng,
    platform,
    recorder,
    functions,
    nodes,
    startPath,
    duration,
    workflows,
    policyStats: () => {
      const out: Record<string, Record<string, number>> = {};
      const a = autoscaler.stats?.();
      const k = keepAlive.stats?.();
      if (a) out.autoscaler = a;
      if (k) out.keepAlive = k;
      return out;
    },
    policyLevelStats: { autoscaler: autoscaler.levelStats ?? [], keepAlive: keepAlive.levelStats ?? [] },
    policyNames: {
      placement: placement.name,
      autoscaler: autoscaler.name,
      keepAlive: keepAlive.name,
      coldStart: startPath.name,
    },
  };
}
