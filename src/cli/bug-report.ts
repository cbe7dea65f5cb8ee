// What `sim` prints when a run broke a runtime invariant: a bug in the simulator, not in the
// user's input. Says what broke, in which run, the command that reproduces it, and asks for a
// report, then gives the stack.
import { InvariantViolation, VIOLATION_PREFIX } from '../engine/invariant.ts';

/** Options of `sim run` that take one value (`--set` takes one or more). */
const RUN_VALUE_OPTIONS = new Set(['--out', '--seed']);

/**
 * An InvariantViolation, or one that crossed a worker thread as a plain Error (a sweep run's
 * errors are rebuilt from their message and stack).
 */
export function isViolation(e: unknown): e is Error {
  return e instanceof InvariantViolation || (e instanceof Error && e.message.startsWith(VIOLATION_PREFIX));
}

/** The bug report for violation `e` thrown by `sim <argv>`. */
export function bugReport(e: Error, argv: readonly string[]): string {
  const lines = [`internal error: ${e.message}`];
  const seed = e instanceof InvariantViolation ? e.seed : null;
  if (argv[0] === 'run') {
    const file = runScenarioFile(argv);
    const name = e instanceof InvariantViolation && e.scenario !== null ? ` (${JSON.stringify(e.scenario)})` : '';
    lines.push(`  scenario: ${file ?? '?'}${name}${seed !== null ? `, seed ${seed}` : ''}`);
    lines.push(`  reproduce: ${command(withSeed(argv, seed))}`);
  } else {
    lines.push(`  reproduce: ${command(argv)} (the run named above)`);
  }
  lines.push(
    'This is a bug in the simulator, not in the scenario. Please report it with the lines above,',
    'the scenario file and the traces it reads, and the stack below.',
    e.stack ?? '(no stack)',
  );
  return lines.join('\n') + '\n';
}

/** The scenario positional of `sim run` argv. */
function runScenarioFile(argv: readonly string[]): string | null {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (RUN_VALUE_OPTIONS.has(a)) i++;
    else if (a === '--set') while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) i++;
    else if (!a.startsWith('-')) return a;
  }
  return null;
}

/** `argv` with its seed pinned to `seed` (the run's, which may have come from the file). */
function withSeed(argv: readonly string[], seed: number | null): string[] {
  if (seed === null) return [...argv];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed') i++;
    else if (!a.startsWith('--seed=')) out.push(a);
  }
  out.push('--seed', String(seed));
  return out;
}

/** A shell command line for `sim <argv>`, quoting what the shell would split or expand. */
function command(argv: readonly string[]): string {
  return ['sim', ...argv].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
