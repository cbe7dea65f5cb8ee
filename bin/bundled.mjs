// Loads a TypeScript entry of this repository as an esbuild bundle, cached in
// node_modules/.cache/sim-bundle and rebuilt when any of its input files changes. V8 runs the
// bundle of the replay ~13% faster than the same modules loaded one by one through tsx: a bundle
// turns const enums used across modules into literals, and its functions are one module's.
// The bundle is split at dynamic imports (each `sim` command loads its own code on demand) and
// holds the npm packages too, bar the few in EXTERNAL: Node pays ~1 ms per module file it loads,
// and yargs and zod alone are ~100 files (start-up, BENCHMARKS.md).
// Plain JavaScript: it runs before any TypeScript loader. SIM_BUNDLE=0 loads through tsx instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'sim-bundle');
/**
 * Packages loaded from node_modules at run time, not bundled: esbuild itself (a native binary
 * beside its JavaScript), tsx, and vega/vega-lite (large, and loaded by figures only).
 */
const EXTERNAL = ['esbuild', 'tsx', 'vega', 'vega-lite'];
/** Chunks of an earlier build are deleted this long after it, not at once: a process started from it may still load one. */
const STALE_CHUNK_MS = 3_600_000;

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
        process.stderr.write(
          `note: running the sources through tsx, not a cached bundle (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); SIM_BUNDLE=0 skips the attempt\n`,
        );
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

/** The cached bundle of `entry`, rebuilt if a file it was built from changed. */
async function bundleFile(entry) {
  // Keyed by checkout too: worktrees may share one node_modules (and so one cache). And by layout:
  // a checkout of an older commit must never take this manifest for its single-file bundle's.
  const key = createHash('sha256').update(`${ROOT}\0${entry}\0split`).digest('hex').slice(0, 16);
  const dir = join(CACHE, key);
  const out = join(dir, 'entry.mjs');
  const manifestPath = join(CACHE, `${key}.json`);
  // Checked before esbuild is loaded (~40 ms): a fresh bundle needs only a stat per input.
  if (fresh(manifestPath)) return out;
  const esbuild = await import('esbuild');
  const r = await esbuild.build({
    entryPoints: { entry: join(ROOT, entry) },
    absWorkingDir: ROOT, // metafile paths relative to ROOT, wherever `sim` is started from
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // ES builds first: jsonc-parser's UMD main requires its parts through a parameter, which a
    // bundler cannot follow.
    mainFields: ['module', 'main'],
    // CommonJS packages (seedrandom) call require(), which an ES module must be given.
    banner: { js: "import { createRequire as __simCreateRequire } from 'node:module'; const require = __simCreateRequire(import.meta.url);" },
    write: false,
    metafile: true,
    sourcemap: 'linked',
    // Stack traces need the mappings only; without the sources the maps Node reads at each
    // chunk's load are ~1/3 the size.
    sourcesContent: false,
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    logLevel: 'silent',
    plugins: [keepModuleUrls],
  });
  mkdirSync(dir, { recursive: true });
  // Each file lands by rename, so concurrent starts (sweep workers) never import a partial one;
  // chunks are named by their content and land before the entry that imports them.
  const tmp = `.${process.pid}.${Date.now()}.tmp`;
  const files = [...r.outputFiles].sort((a, b) => Number(a.path.startsWith(out)) - Number(b.path.startsWith(out)));
  for (const f of files) {
    writeFileSync(f.path + tmp, f.contents);
    renameSync(f.path + tmp, f.path);
  }
  // The build options (this file) and esbuild's version decide the output too. A bundled package
  // stands as its package.json, which every install or upgrade writes anew: ~170 files fewer to
  // stat at each start (a hand edit inside node_modules is not seen; delete the cache for that).
  const inputs = {};
  const watched = [...Object.keys(r.metafile.inputs), createRequire(import.meta.url).resolve('esbuild'), fileURLToPath(import.meta.url)];
  for (const p of new Set(watched.map((f) => packageJsonOf(relative(ROOT, resolve(ROOT, f)))))) {
    const s = statSync(join(ROOT, p));
    inputs[p] = [s.size, s.mtimeMs];
  }
  writeFileSync(manifestPath + tmp, JSON.stringify({ esbuild: esbuild.version, root: ROOT, inputs }));
  renameSync(manifestPath + tmp, manifestPath);
  pruneStaleChunks(dir, new Set(files.map((f) => f.path)));
  pruneOrphans();
  return out;
}

/** `node_modules/pkg/package.json` (or `@scope/pkg`) for a file of a package, the file itself otherwise. */
function packageJsonOf(file) {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0) return file;
  const parts = file.slice(at + 'node_modules/'.length).split('/');
  const name = parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return `${file.slice(0, at)}node_modules/${name}/package.json`;
}

/** Deletes files of `dir` that this build did not write, once they are STALE_CHUNK_MS old. */
function pruneStaleChunks(dir, written) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    try {
      if (!written.has(p) && Date.now() - statSync(p).mtimeMs > STALE_CHUNK_MS) rmSync(p, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
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
      // `${key}.mjs` and its map: the single-file bundles of before the split.
      rmSync(join(CACHE, key), { recursive: true, force: true });
      for (const g of [`${key}.mjs`, `${key}.mjs.map`, f]) rmSync(join(CACHE, g), { force: true });
    } catch {
      // Another process is replacing it, or it is not ours: leave it.
    }
  }
}

/**
 * True if the manifest exists and every input (sources, bundled packages, esbuild's main file)
 * still has the size and mtime it was built from.
 */
function fresh(manifestPath) {
  let m;
  try {
    m = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return false;
  }
  if (m.inputs === null || typeof m.inputs !== 'object') return false;
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
    // Packages too: yargs finds its locales and package.json from its own URL.
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const dir = JSON.stringify(dirname(args.path));
      return {
        contents: text.replaceAll('import.meta.url', url).replaceAll('import.meta.dirname', dir),
        loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};
