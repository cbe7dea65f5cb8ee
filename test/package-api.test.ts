// The package as a user installs it: `npm pack` (which builds the type declarations), installed
// into a fresh folder outside the repository, imported by name from JavaScript and type-checked
// from TypeScript, running a tiny scenario.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const SCENARIO = `{ version: 1, name: 'api', duration: '10s', fleet: { nodes: [{ cores: 2, memory: '2GiB' }] },
  functions: [{ name: 'f', memory: '128MiB', execution: '5ms' }], workload: [{ poisson: { function: 'f', rate: '5/s' } }] }`;

describe('import { simulate } from "serverless-dc-sim"', () => {
  it('works from a folder outside the repository, with types', { timeout: 600_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-package-'));
    sh('npm', ['pack', '--silent', '--pack-destination', dir], ROOT);
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const app = join(dir, 'app');
    sh('mkdir', [app], dir);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    // The dependencies are those `npm ci` just fetched: taken from npm's cache when they are there.
    sh('npm', ['install', '--prefer-offline', '--silent', join(dir, tgz)], app);

    writeFileSync(
      join(app, 'run.mjs'),
      `import { simulate, InputError, TOOL_VERSION } from 'serverless-dc-sim';
const r = await simulate(${SCENARIO});
let bad = null;
try { await simulate({ version: 1 }); } catch (e) { bad = [e instanceof InputError, e.message]; }
console.log(JSON.stringify({ version: TOOL_VERSION, invocations: r.summary.invocations, functions: r.functions.length, bad }));
`,
    );
    const out = JSON.parse(sh(process.execPath, ['run.mjs'], app)) as {
      version: string;
      invocations: { arrivals: number; completed: number };
      functions: number;
      bad: [boolean, string];
    };
    expect(out.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(out.invocations.arrivals).toBeGreaterThan(20);
    expect(out.invocations.completed).toBe(out.invocations.arrivals);
    expect(out.functions).toBe(1);
    expect(out.bad[0]).toBe(true);
    expect(out.bad[1]).toMatch(/fleet: required field is missing/);

    // The declarations: a typed call compiles, a scenario without its version does not.
    writeFileSync(
      join(app, 'check.ts'),
      `import { simulate, type ScenarioInput, type Result } from 'serverless-dc-sim';
const s: ScenarioInput = ${SCENARIO};
export const r: Promise<Result> = simulate(s, { outDir: 'out' });
// @ts-expect-error a scenario needs its version
export const bad: ScenarioInput = { name: 'x' };
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true },
        files: ['check.ts'],
      }),
    );
    sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
  });
});
