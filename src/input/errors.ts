// Errors in what the user gave us (scenario, trace, sweep file): reported with where and what was
// expected, and mapped to exit code 2 by the CLI. Anything else is a bug and exits 1.

export interface InputProblem {
  /** File the problem is in, if any. */
  readonly file?: string;
  /** JSON path (`functions[2].memory`) or `line N` / `line N, column M`. */
  readonly where?: string;
  readonly message: string;
}

/** Problems an error lists before it sums up the rest: a generated file can have millions. */
export const MAX_LISTED_PROBLEMS = 200;

export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  /** How many problems there were, listed or not. */
  readonly total: number;

  constructor(problems: InputProblem | readonly InputProblem[]) {
    let list = Array.isArray(problems) ? (problems as readonly InputProblem[]) : [problems as InputProblem];
    const total = list.length;
    if (list.length > MAX_LISTED_PROBLEMS) {
      const more = list.length - MAX_LISTED_PROBLEMS;
      list = [...list.slice(0, MAX_LISTED_PROBLEMS), { message: `... and ${more} more problem(s) not listed` }];
    }
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
    this.total = total;
  }
}

export function formatProblem(p: InputProblem): string {
  const loc = [p.file, p.where].filter((x) => x !== undefined && x !== '').join(': ');
  return loc ? `${loc}: ${p.message}` : p.message;
}

/** Up to `max` names, then "and N more". */
export function listNames(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
