// A run that breaks a runtime invariant: `sim` exits 1 with a bug report (what broke, the
// scenario and seed, the command that reproduces it, a request to report it, the stack) and
// leaves no run folder. The violation is provoked in-process by a spy that makes every instance
// start reserve a whole node more than it should (nothing in the shipped model breaks one).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bugReport, isViolation } from '../../src/cli/bug-report.ts';
import { main } from '../../src/cli/main.ts';
import { InvariantViolation } from '../../src/engine/invariant.ts';
import { Node } from '../../src/model/node.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `sim <argv>` in this process; returns its exit code and what it wrote to stderr. */
async function simInProcess(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(argv);
  return { code, stderr };
}

describe('sim run that breaks an invariant', () => {
  it('exits 1 with a bug report naming scenario and seed, and writes no run folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-bug-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        name: 'overfill',
        seed: 3,
        duration: '10s',
        fleet: { nodes: [{ count: 1, cores: 4, memory: '4GiB' }] },
        functions: [{ name: 'f', memory: '256MiB', execution: '10ms' }],
        workload: [{ poisson: { function: 'f', rate: '5/s' } }],
      }),
    );
    const real = Node.prototype.reserve;
    vi.spyOn(Node.prototype, 'reserve').mockImplementation(function (this: Node, mib: number, now: number) {
      real.call(this, mib + this.memoryMiB, now);
    });
    const out = join(dir, 'out');
    const r = await simInProcess(['run', file, '--out', out, '--set', 'platform.maxQueueWait=5s']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^internal error: invariant violated: node memory within capacity: node=0, usedMiB=4352, capacityMiB=4096 at simulated time \d+ us \(scenario "overfill", seed 3\)$/,
    );
    expect(lines[1]).toBe(`  scenario: ${file} ("overfill"), seed 3`);
    expect(lines[2]).toBe(`  reproduce: sim run ${file} --out ${out} --set platform.maxQueueWait=5s --seed 3`);
    expect(r.stderr).toMatch(/This is a bug in the simulator.*Please report it/s);
    expect(lines).toContain(`InvariantViolation: ${lines[0]!.slice('internal error: '.length)}`); // once, not twice
    expect(r.stderr).toMatch(/at .*node\.ts/); // the stack
    expect(existsSync(out)).toBe(false);
  });
});

describe('bugReport', () => {
  it('pins the run seed in the reproduce command, replacing a --seed given, and quotes for the shell', () => {
    const v = new InvariantViolation('x', 5, { a: 1 }).inRun('s', 9);
    const text = bugReport(v, ['run', 'my scenario.json', '--seed=4', '--quiet']);
    expect(text).toContain(`  reproduce: sim run 'my scenario.json' --quiet --seed 9\n`);
    expect(text).toContain(`  scenario: my scenario.json ("s"), seed 9\n`);
  });

  it('recognises a violation from a sweep worker (a plain Error rebuilt from its message)', () => {
    const e = new Error('invariant violated: x: a=1 at simulated time 5 us (scenario "s", seed 9)');
    expect(isViolation(e)).toBe(true);
    expect(isViolation(new Error('something else'))).toBe(false);
    const text = bugReport(e, ['sweep', 'sw.json', '--jobs', '2']);
    expect(text.split('\n').slice(0, 2)).toEqual([`internal error: ${e.message}`, '  reproduce: sim sweep sw.json --jobs 2 (the run named above)']);
  });
});
