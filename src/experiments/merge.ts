// Merging shard outputs: checks they come from the same sweep (same hash) and together hold
// every run exactly once, copies the run folders into one output and rebuilds results.csv and
// manifest.json exactly as an unsharded sweep writes them.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, type InputProblem } from '../input/errors.ts';
import { copyRunFolder, removeStaleFileTemps, writeFileAtomic } from './files.ts';
import { removeStaleTemps } from '../metrics/run-folder.ts';
import { MANIFEST_FILE, readManifest, RESULTS_FILE, RUNS_DIR, writeManifest, type Manifest, type ManifestRun } from './manifest.ts';
import { resultsCsv } from './results.ts';
import { checkMergeOut } from './sweep-output.ts';
import { runId } from './slug.ts';
import { readSummary } from './sweep.ts';

const MAX_LISTED = 10;

export interface MergeReport {
  readonly out: string;
  readonly results: string;
  readonly runs: number;
  readonly inputs: number;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

/** Which input holds each run; every problem found is reported at once. */
function placeRuns(dirs: readonly string[], manifests: readonly Manifest[]): { run: ManifestRun; dir: string }[] {
  const problems: InputProblem[] = [];
  const first = manifests[0]!;
  manifests.forEach((m, i) => {
    if (m.hash !== first.hash || m.runCount !== first.runCount) {
      problems.push({
        file: join(dirs[i]!, MANIFEST_FILE),
        message: `from another sweep: "${m.sweep}" hash ${m.hash.slice(0, 12)} (${m.runCount} runs), but ${dirs[0]} has "${first.sweep}" hash ${first.hash.slice(0, 12)} (${first.runCount} runs)`,
      });
    }
  });
  if (problems.length) throw new InputError(problems);

  const placed = new Array<{ run: ManifestRun; dir: string } | undefined>(first.runCount);
  // Grouped by input (and by the other input for duplicates), so a repeated shard of thousands
  // of runs is one line, not thousands.
  const grouped = new Map<string, { problem: Omit<InputProblem, 'message'>; text: string; ids: string[] }>();
  const note = (key: string, problem: Omit<InputProblem, 'message'>, text: string, id: string) => {
    const g = grouped.get(key) ?? { problem, text, ids: [] };
    g.ids.push(id);
    grouped.set(key, g);
  };
  manifests.forEach((m, i) => {
    const dir = dirs[i]!;
    for (const run of m.runs) {
      const other = placed[run.index];
      if (run.index >= first.runCount) {
        note(`${dir}\0range`, { file: join(dir, MANIFEST_FILE) }, `outside the sweep's ${first.runCount} runs`, run.id);
      } else if (other) {
        note(`${dir}\0${other.dir}`, { file: dir }, `also in ${other.dir}: each run must come from exactly one input (same shard given twice?)`, run.id);
      } else if (!existsSync(join(dir, RUNS_DIR, run.folder, 'summary.json'))) {
        note(`${dir}\0incomplete`, { file: dir }, `run folder(s) missing or incomplete under ${RUNS_DIR}/`, run.id);
      } else {
        placed[run.index] = { run, dir };
      }
    }
  });
  for (const g of grouped.values()) problems.push({ ...g.problem, message: `${g.ids.length} run(s) ${g.text}: ${listIds(g.ids)}` });
  const missing: string[] = [];
  for (let i = 0; i < first.runCount; i++) if (!placed[i]) missing.push(runId(i, first.runCount));
  if (missing.length && problems.length === 0) {
    const shards = manifests.map((m) => m.shard ?? 'all').join(', ');
    problems.push({
      message: `${missing.length} of ${first.runCount} runs are in no input (runs ${listIds(missing)}; inputs hold shards ${shards}): is a shard missing?`,
    });
  }
  if (problems.length) throw new InputError(problems);
  return placed as { run: ManifestRun; dir: string }[];
}

export function mergeOutputs(dirs: readonly string[], outDir: string): MergeReport {
  if (dirs.length === 0) throw new InputError({ message: 'name at least one sweep output to merge' });
  const inputs = dirs.map((d) => resolve(d));
  const twice = inputs.filter((d, i) => inputs.indexOf(d) !== i);
  if (twice.length) throw new InputError([...new Set(twice)].map((file) => ({ file, message: 'given twice' })));
  const manifests = inputs.map(readManifest);
  const placed = placeRuns(inputs, manifests);

  const out = resolve(outDir);
  const runsDir = join(out, RUNS_DIR);
  // Before anything is copied: the output and every run folder it would replace must be ours.
  checkMergeOut(
    out,
    placed.filter(({ run, dir }) => join(dir, RUNS_DIR, run.folder) !== join(runsDir, run.folder)).map(({ run }) => run.folder),
  );
  mkdirSync(runsDir, { recursive: true });
  // Left by a merge killed mid-way: its copies (`.tmp-<folder>-<pid>-merge`) and atomic writes.
  removeStaleTemps(runsDir, new Set(placed.map(({ run }) => run.folder)));
  removeStaleFileTemps(out, new Set([RESULTS_FILE, MANIFEST_FILE]));
  for (const { run, dir } of placed) {
    const from = join(dir, RUNS_DIR, run.folder);
    const to = join(runsDir, run.folder);
    if (from !== to) copyRunFolder(from, to); // merging into one of the inputs keeps its own runs
  }
  const first = manifests[0]!;
  const runs = placed.map((p) => p.run);
  const csv = resultsCsv(first.axes, first.metrics, runs, (r) => readSummary(runsDir, r), join(inputs[0]!, MANIFEST_FILE));
  writeFileAtomic(join(out, RESULTS_FILE), csv);
  writeManifest(out, { ...first, shard: null, runs });
  return { out, results: join(out, RESULTS_FILE), runs: runs.length, inputs: inputs.length };
}
