// The Python the reader and notebook tests run: SIM_PYTHON, else Debian's /usr/bin/python3 (where
// apt installs python3-pandas), else python3 on PATH; the first that imports the needed modules.
// Without one the tests are skipped with a message, except in CI (CI set), where they fail.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.SIM_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);

export const APT_HINT = 'apt-get install -y python3-pandas python3-nbclient python3-ipykernel python3-matplotlib (as .ci/run does)';

/** An interpreter that imports every module, or null. */
export function findPython(modules: readonly string[]): string | null {
  for (const py of CANDIDATES) {
    if (py.startsWith('/') && !existsSync(py)) continue;
    const r = spawnSync(py, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

/** True in CI, where a missing interpreter or package is a failure, not a skip. */
export const inCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/** Warns (visibly) that tests are skipped, or throws in CI. */
export function missing(what: string, modules: readonly string[]): void {
  const message = `${what}: no Python with ${modules.join(', ')} (tried ${CANDIDATES.join(', ')}); install with ${APT_HINT}`;
  if (inCI) throw new Error(`${message}. CI is set, so this fails instead of skipping.`);
  process.stderr.write(`SKIPPED ${message}\n`);
}
