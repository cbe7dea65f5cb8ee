// `sim` runs the sources as a cached esbuild bundle (bin/bundled.mjs). The bundle must give the
// same run folder as the sources loaded through tsx, and be rebuilt when a source file changes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles as files, runCli } from '../helpers.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Runs the copy's `sim` from the directory above it (not from the repository root). */
function run(root: string, out: string, env: Record<string, string> = {}): string {
  return runCli(join(root, 'bin/sim.mjs'), ['run', join(ROOT, 'scenarios/quickstart.json'), '--out', out], { cwd: join(root, '..'), env });
}

describe('bundled CLI', () => {
  it('gives the same run folder as the sources through tsx, and rebuilds after a source edit', () => {
    // A private copy of the repository (node_modules linked, its own bundle cache), so this test
    // neither races other tests on the shared cache nor edits the real sources.
    const dir = mkdtempSync(join(tmpdir(), 'sim-bundle-'));
    const root = join(dir, 'repo');
    mkdirSync(root);
    for (const d of ['bin', 'src', 'package.json']) cpSync(join(ROOT, d), join(root, d), { recursive: true });
    mkdirSync(join(root, 'node_modules'));
    for (const m of readdirSync(join(ROOT, 'node_modules'))) {
      if (m !== '.cache') symlinkSync(join(ROOT, 'node_modules', m), join(root, 'node_modules', m));
    }
    run(root, join(dir, 'bundled'));
    const cache = join(root, 'node_modules/.cache/sim-bundle');
    // One manifest and one folder: the entry and the chunks it loads on demand.
    const [key, ...others] = readdirSync(cache)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length));
    expect(others).toEqual([]);
    expect(readdirSync(join(cache, key!))).toContain('entry.mjs');
    // The manifest names the sources relative to the repository, wherever sim was started.
    const manifest = JSON.parse(
      readFileSync(
        join(
          cache,
          readdirSync(cache).find((f) => f.endsWith('.json'))!,
        ),
        'utf8',
      ),
    );
    expect(Object.keys(manifest.inputs)).toContain('src/cli/main.ts');
    run(root, join(dir, 'tsx'), { SIM_BUNDLE: '0' });
    const a = files(join(dir, 'bundled'));
    const b = files(join(dir, 'tsx'));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of a) expect(b.get(name), name).toBe(text);

    // A bundle whose checkout is gone is deleted at the next build; one of a live checkout stays.
    const orphan = { esbuild: manifest.esbuild, root: join(dir, 'removed-worktree'), inputs: {} };
    const live = { ...orphan, root: dir };
    for (const [k, m] of [
      ['0rphan', orphan],
      ['1ive', live],
    ] as const) {
      writeFileSync(join(cache, `${k}.json`), JSON.stringify(m));
      mkdirSync(join(cache, k));
      writeFileSync(join(cache, k, 'entry.mjs'), '');
      writeFileSync(join(cache, `${k}.mjs`), ''); // the single-file layout of before
    }

    // An edit to a source the bundle was built from shows up in the next run.
    writeFileSync(join(root, 'src/version.ts'), "export const TOOL_VERSION: string = '9.9.9-edited';\n");
    run(root, join(dir, 'edited'));
    expect(JSON.stringify(files(join(dir, 'edited')).get('summary.json'))).toContain('9.9.9-edited');
    expect(JSON.stringify(a.get('summary.json'))).not.toContain('9.9.9-edited');
    const left = readdirSync(cache);
    expect(left.filter((f) => f.startsWith('0rphan'))).toEqual([]);
    expect(left.filter((f) => f.startsWith('1ive')).sort()).toEqual(['1ive', '1ive.json', '1ive.mjs']);
  });
});
