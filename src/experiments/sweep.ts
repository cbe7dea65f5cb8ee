// Running a sweep (or one shard of it) into an output folder:
//   <out>/runs/<folder>/   one run folder per run (written atomically by simulate)
//   <out>/results.csv      one row per run of this output, in run order
//   <out>/manifest.json    the sweep's hash, columns, shard and runs (what merge checks)
// Complete run folders are reused (resume); the rest run on worker threads.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunTask } from './messages.ts';
import { MANIFEST_FILE, RESULTS_FILE, RUNS_DIR, writeManifest, type Manifest } from './manifest.ts';
import type { PlannedRun, SweepPlan } from './plan.ts';
import { runTasks } from './pool.ts';
import { ProgressBar, type ProgressStream } from './progress.ts';
import { resultsCsv, type ResultRun } from './results.ts';
import { isCompleteRun } from './resume.ts';
import { removeStaleTemps } from '../metrics/run-folder.ts';
import { checkSweepOut } from './sweep-output.ts';
import { formatShard, shardRuns, type Shard } from './shard.ts';
import { removeStaleFileTemps, writeFileAtomic } from './files.ts';
import { interrupted, Interrupted } from '../simulate.ts';
import { TOOL_VERSION } from '../version.ts';
import { estimateRun } from '../scenario/estimate.ts';
import { machineLimits, refuseEnormous } from '../scenario/estimate-limits.ts';

export interface SweepOptions {
  readonly out: string;
  /** Worker threads (default: available parallelism); 1 runs in this thread. */
  readonly jobs?: number;
  readonly shard?: Shard;
  /**
   * Write into another sweep's output, replace run folders that hold other entries (kept), and run
   * runs estimated too large for this machine.
   */
  readonly force?: boolean;
  /** Where the progress bar goes (e.g. process.stderr); null or absent: no progress. */
  readonly progress?: ProgressStream | null;
  /**
   * Stops the sweep (SIGINT): runs in progress are stopped and their temporaries removed, finished
   * run folders are kept (a rerun resumes them), no results.csv or manifest.json is written, and
   * runSweep rejects with Interrupted.
   */
  readonly signal?: AbortSignal;
}

export interface SweepReport {
  readonly out: string;
  readonly results: string;
  /** Runs in the whole sweep, and in this output (its shard). */
  readonly total: number;
  readonly selected: number;
  /** Run ids simulated now, and those reused from complete folders. */
  readonly ran: readonly string[];
  readonly resumed: readonly string[];
}

export function manifestFor(plan: SweepPlan, runs: readonly PlannedRun[], shard: Shard | undefined): Manifest {
  return {
    format: 1,
    sweep: plan.name,
    hash: plan.hash,
    toolVersion: TOOL_VERSION,
    runCount: plan.runs.length,
    shard: shard ? formatShard(shard) : null,
    axes: [...plan.axes],
    metrics: [...plan.metrics],
    runs: runs.map((r) => ({ index: r.index, id: r.id, folder: r.folder, seed: r.seed, values: [...r.values] })),
  };
}

export function readSummary(runsDir: string, run: ResultRun): unknown {
  return JSON.parse(readFileSync(join(runsDir, run.folder, 'summary.json'), 'utf8'));
}

export async function runSweep(plan: SweepPlan, options: SweepOptions): Promise<SweepReport> {
  const out = resolve(options.out);
  const runsDir = join(out, RUNS_DIR);
  const jobs = options.jobs ?? availableParallelism();
  const selected = shardRuns(plan.runs, options.shard);

  const resumed: string[] = [];
  const todo: PlannedRun[] = [];
  for (const r of selected) {
    if (isCompleteRun(join(runsDir, r.folder), r.scenario)) resumed.push(r.id);
    else todo.push(r);
  }
  // Before any run: every path this sweep would write must be ours to write (sweep-output.ts).
  checkSweepOut(
    out,
    plan.name,
    todo.map((r) => r.folder),
    options.force ?? false,
  );
  const folders = new Set(todo.map((r) => r.folder));
  removeStaleTemps(runsDir, folders);
  removeStaleFileTemps(out, new Set([RESULTS_FILE, MANIFEST_FILE])); // of a sweep killed while writing them
  // Trace sources are not read here (each run reads its own): the estimate counts the rest.
  if (!options.force)
    refuseEnormous(
      todo.map((r) => ({ label: `run ${r.id}`, estimate: estimateRun(r.scenario) })),
      machineLimits(out),
      plan.file,
    );

  let done = 0;
  const bar = new ProgressBar(options.progress ?? null, todo.length, resumed.length);
  const force = options.force ?? false;
  const tasks: RunTask[] = todo.map((r) => ({ index: r.index, scenario: r.scenario, outDir: join(runsDir, r.folder), force }));
  try {
    await runTasks(tasks, jobs, { onProgress: (i, f) => bar.progress(i, f), onDone: (i) => (done++, bar.runDone(i)) }, options.signal);
    // Interrupted after the last run: still nothing partial, and the rerun only writes the results.
    if (options.signal?.aborted) throw interrupted(options.signal);
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    // The runs are stopped (workers terminated, or the in-thread run aborted): what they leave is ours.
    removeStaleTemps(runsDir, folders, true);
    throw new Interrupted(
      e.signalName,
      `interrupted: ${done} of ${todo.length} runs finished and kept in ${runsDir} (the same command resumes); no results.csv written`,
    );
  } finally {
    bar.finish();
  }

  // Results come from the summary files alone, whether just run or resumed.
  const csv = resultsCsv(plan.axes, plan.metrics, selected, (r) => readSummary(runsDir, r), plan.file);
  writeFileAtomic(join(out, RESULTS_FILE), csv);
  writeManifest(out, manifestFor(plan, selected, options.shard));
  return {
    out,
    results: join(out, RESULTS_FILE),
    total: plan.runs.length,
    selected: selected.length,
    ran: todo.map((r) => r.id),
    resumed,
  };
}
