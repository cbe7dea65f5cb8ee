import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, formatProblem, type Exception } from './check-layers.ts';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

describe('layers of src/', () => {
  it('every import goes down the layer order (CONTRIBUTING.md), bar the listed exceptions', () => {
    expect(checkLayers(SRC).map(formatProblem)).toEqual([]);
  });
});

/** A small tree under a fresh temporary folder: `files` maps a path under src/ to its text. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    const abs = join(root, 'src', path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return join(root, 'src');
}

const LAYERS = [['low'], ['mid'], ['top.ts']];
const CLEAN = {
  'low/a.ts': 'export const a = 1;\n',
  'low/deep/b.ts': "import { a } from '../a.ts';\nexport const b = a;\n",
  'mid/c.ts': "import { a } from '../low/a.ts';\n// import { d } from '../top.ts'; a comment is not an import\nexport const c = a + '../top.ts'.length;\n",
  'top.ts': "export * from './mid/c.ts';\nexport { b } from './low/deep/b.ts';\n",
  'mid/w.mjs': "await import('../low/a.ts');\n",
};

describe('the layer check itself', () => {
  it('passes a tree whose imports all go down', () => {
    expect(checkLayers(tree(CLEAN), LAYERS, [])).toEqual([]);
  });

  it('names the file, line and import that goes up, static, type-only, export-from or dynamic', () => {
    const root = tree({
      ...CLEAN,
      'low/a.ts': "import type { C } from '../mid/c.ts';\nexport const a = 1;\n",
      'low/deep/b.ts': "export const b = 2;\nexport { c } from '../../mid/c.ts';\n",
      'mid/w.mjs': "const m = await import('../top.ts');\n",
    });
    expect(checkLayers(root, LAYERS, []).map(formatProblem)).toEqual([
      "src/low/a.ts:1: '../mid/c.ts': low imports mid, a layer above it (mid/c.ts)",
      "src/low/deep/b.ts:2: '../../mid/c.ts': low imports mid, a layer above it (mid/c.ts)",
      "src/mid/w.mjs:1: '../top.ts': mid imports top.ts, a layer above it (top.ts)",
    ]);
  });

  it('fails an import from outside src/ (bin/) and a file in no layer', () => {
    const root = tree({ ...CLEAN, 'mid/x.mjs': "import { f } from '../../bin/bundled.mjs';\n", 'stray.ts': 'export {};\n' });
    expect(checkLayers(root, LAYERS, []).map(formatProblem)).toEqual([
      'src/stray.ts:1: stray.ts is in no layer: add it to LAYERS in test/layers/check-layers.ts (and CONTRIBUTING.md)',
      "src/mid/x.mjs:1: '../../bin/bundled.mjs': imports ../bin/bundled.mjs, outside src/ (nothing in src/ may import bin/ or other top folders)",
    ]);
  });

  it('reports a cycle between two folders of one layer, and an exception that no longer occurs', () => {
    const root = tree({
      ...CLEAN,
      'mid/c.ts': "import { d } from '../side/d.ts';\nexport const c = 1;\n",
      'side/d.ts': "export { c as d } from '../mid/c.ts';\n",
    });
    const stale: Exception = { from: 'low/a.ts', to: 'top.ts', why: 'test' };
    expect(checkLayers(root, [['low'], ['mid', 'side'], ['top.ts']], [stale]).map(formatProblem)).toEqual([
      "src/mid/c.ts:1: '../side/d.ts': cycle between folders: mid -> side -> mid",
      "src/low/a.ts:1: 'top.ts': listed exception no longer occurs: remove it from EXCEPTIONS",
    ]);
  });
});
