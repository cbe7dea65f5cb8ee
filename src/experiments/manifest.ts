// manifest.json, written next to results.csv in every sweep output: the sweep's hash, its columns,
// which shard the output holds and its runs (id, folder, seed, axis values). Merge reads these
// to check that the shards belong together and to rebuild results.csv; a merged output's
// manifest.json is byte-identical to an unsharded one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod'; // a namespace import lets the bundle leave out what is not used (zod's ~40 locales: 370 kB)
import { InputError } from '../input/errors.ts';
import { zodProblems } from '../scenario/load.ts';
import { writeFileAtomic } from './files.ts';

export const MANIFEST_FILE = 'manifest.json';
export const RESULTS_FILE = 'results.csv';
export const RUNS_DIR = 'runs';

const ManifestRun = z.strictObject({
  index: z.number().int().min(0),
  id: z.string(),
  folder: z
    .string()
    .regex(/^[^/\\]+$/)
    .refine((f) => f !== '.' && f !== '..', 'not a folder name'),
  seed: z.number().int(),
  values: z.array(z.unknown()),
});

export const Manifest = z.strictObject({
  format: z.literal(1),
  sweep: z.string(),
  hash: z.string(),
  toolVersion: z.string(),
  runCount: z.number().int().min(0),
  /** `i/n`, or null for a whole sweep (unsharded or merged). */
  shard: z.string().nullable(),
  axes: z.array(z.string()),
  metrics: z.array(z.string()),
  runs: z.array(ManifestRun),
});

export type Manifest = z.output<typeof Manifest>;
export type ManifestRun = z.output<typeof ManifestRun>;

export function writeManifest(outDir: string, m: Manifest): void {
  writeFileAtomic(join(outDir, MANIFEST_FILE), JSON.stringify(m, null, 2) + '\n');
}

export function readManifest(outDir: string): Manifest {
  const file = join(outDir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? 'not a sweep output (or the sweep has not finished)' : `cannot read: ${code ?? (e as Error).message}`;
    throw new InputError({ file, message: hint });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError({ file, message: 'invalid JSON' });
  }
  const r = Manifest.safeParse(raw);
  if (!r.success) throw new InputError(zodProblems(r.error.issues, file));
  return r.data;
}
