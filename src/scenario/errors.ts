// Errors in what the user gave us (scenario, trace, sweep file): reported with where and what was
// expected, and mapped to exit code 2 by the CLI. Anything else is a bug and exits 1.

export interface InputProblem {
  /** File the problem is in, if any. */
  readonly file?: string;
  /** JSON path (`functions[2].memory`) or `line N` / `line N, column M`. */
  readonly where?: string;
  readonly message: string;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem | readonly InputProblem[]) {
    const list = Array.isArray(problems) ? (problems as readonly InputProblem[]) : [problems as InputProblem];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

export function formatProblem(p: InputProblem): string {
  const loc = [p.file, p.where].filter((x) => x !== undefined && x !== '').join(': ');
  return loc ? `${loc}: ${p.message}` : p.message;
}
