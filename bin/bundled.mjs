// Loads a TypeScript entry of this repository as one esbuild bundle, cached in
// node_modules/.cache/sim-bundle and rebuilt when any of its source files changes. V8 runs the
// bundle of the replay ~13% faster than the same modules loaded one by one through tsx: a bundle
// turns const enums used across modules into literals, and its functions are one module's.
// Plain JavaScript: it runs before any TypeScript loader. SIM_BUNDLE=0 loads through tsx instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'sim-bundle');

/**
 * Imports `entry` (a path relative to the repository root) as a bundle, or through tsx when
 * SIM_BUNDLE=0 or when no bundle can be built or cached here (a read-only install, say).
 */
export async function importBundled(entry) {
  if (process.env.SIM_BUNDLE !== '0') {
    let file = null;
    try {
      file = await bundleFile(entry);
    } catch (e) {
      // Same results either way, only slower: say so once (not from every worker thread).
      if (isMainThread) {
        process.stderr.write(`note: running the sources through tsx, not a cached bundle (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); SIM_BUNDLE=0 skips the attempt\n`);
      }
    }
    if (file !== null) {
      process.setSourceMapsEnabled(true); // stack traces name the TypeScript files and lines
      return import(pathToFileURL(file).href);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(ROOT, entry)).href);
}

/** The cached bundle of `entry`, rebuilt if a source file it was built from changed. */
async function bundleFile(entry) {
  // Keyed by checkout too: worktrees may share one node_modules (and so one cache).
  const key = createHash('sha256').update(`${ROOT}\0${entry}`).digest('hex').slice(0, 16);
  const out = join(CACHE, `${key}.mjs`);
  const manifestPath = join(CACHE, `${key}.json`);
  const esbuild = await import('esbuild');
  if (fresh(manifestPath, esbuild.version)) return out;
  const r = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT, // metafile paths relative to ROOT, wherever `sim` is started from
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    sourcemap: 'linked',
    outfile: out,
    logLevel: 'silent',
    plugins: [keepModuleUrls],
  });
  mkdirSync(CACHE, { recursive: true });
  // Each file lands by rename, so concurrent starts (sweep workers) never import a partial one.
  const tmp = `.${process.pid}.${Date.now()}.tmp`;
  for (const f of r.outputFiles) {
    writeFileSync(f.path + tmp, f.contents);
    renameSync(f.path + tmp, f.path);
  }
  const inputs = {};
  for (const p of Object.keys(r.metafile.inputs)) {
    const s = statSync(join(ROOT, p));
    inputs[p] = [s.size, s.mtimeMs];
  }
  writeFileSync(manifestPath + tmp, JSON.stringify({ esbuild: esbuild.version, root: ROOT, inputs }));
  renameSync(manifestPath + tmp, manifestPath);
  pruneOrphans();
  return out;
}

/**
 * Deletes the bundles of checkouts that no longer exist (worktrees share one node_modules, and
 * each left ~0.9 MB here for good). Manifests from before `root` was recorded are left alone.
 */
function pruneOrphans() {
  for (const f of readdirSync(CACHE)) {
    if (!f.endsWith('.json')) continue;
    try {
      const { root } = JSON.parse(readFileSync(join(CACHE, f), 'utf8'));
      if (typeof root !== 'string' || existsSync(root)) continue;
      const key = f.slice(0, -'.json'.length);
      for (const g of [`${key}.mjs`, `${key}.mjs.map`, f]) rmSync(join(CACHE, g), { force: true });
    } catch {
      // Another process is replacing it, or it is not ours: leave it.
    }
  }
}

/** True if the manifest exists and every input still has the size and mtime it was built from. */
function fresh(manifestPath, esbuildVersion) {
  let m;
  try {
    m = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return false;
  }
  if (m.esbuild !== esbuildVersion) return false;
  for (const [p, [size, mtime]] of Object.entries(m.inputs)) {
    try {
      const s = statSync(join(ROOT, p));
      if (s.size !== size || s.mtimeMs !== mtime) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Sources find files next to themselves (calibration CSVs, worker entries, package.json) through
 * `import.meta.url`, which in a bundle would be the bundle's own URL: give each its original one.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const dir = JSON.stringify(dirname(args.path));
      return {
        contents: text.replaceAll('import.meta.url', url).replaceAll('import.meta.dirname', dir),
        loader: 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};
