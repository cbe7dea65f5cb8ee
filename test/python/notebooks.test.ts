// notebooks/*.ipynb are executed headless (nbclient, Debian's python3 kernel) on short runs that
// they make themselves through the simulator: every cell must run and every notebook draw. Skipped
// with a message where that Python is absent, except in CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPython, missing } from './python-env.ts';

const ROOT = join(import.meta.dirname, '../..');
const MODULES = ['pandas', 'matplotlib', 'nbclient', 'ipykernel'];
const python = findPython(MODULES);
if (!python) missing('notebook tests', MODULES);

const notebooks = readdirSync(join(ROOT, 'notebooks'))
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

describe.skipIf(!python)('notebooks', () => {
  it('are the standard analyses, as Jupyter notebooks', () => {
    expect(notebooks).toEqual(['keepalive-tradeoff.ipynb', 'reap-breakdown.ipynb', 'run-latency-cold-starts.ipynb', 'transfer-methods.ipynb']);
  });

  it('run headless from a clean state, every cell, each drawing at least one figure', { timeout: 900_000 }, () => {
    const runs = mkdtempSync(join(tmpdir(), 'notebook-runs-'));
    const r = spawnSync(python!, [join(ROOT, 'python/tests/run_notebooks.py'), ...notebooks.map((n) => join(ROOT, 'notebooks', n))], {
      encoding: 'utf8',
      cwd: ROOT,
      env: {
        ...process.env,
        SIM_NB_RUNS: runs,
        SIM_NB_DURATION: '1m',
        SIM_NODE: process.execPath,
        PYDEVD_DISABLE_FILE_VALIDATION: '1',
        MPLBACKEND: 'module://matplotlib_inline.backend_inline',
      },
    });
    expect(r.status, r.stderr).toBe(0);
    const reports = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { notebook: string; images: number; errors: number });
    expect(reports.map((x) => x.notebook)).toEqual(notebooks);
    for (const x of reports) {
      expect(x.errors, x.notebook).toBe(0);
      expect(x.images, x.notebook).toBeGreaterThan(0);
    }
  });
});
