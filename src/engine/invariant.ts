// A broken runtime invariant: a bug in the simulator, never bad input. Carries which invariant,
// the simulated time and the numbers involved, and, once simulate() has seen it, the run's
// scenario and seed, so that the report alone reproduces it. Knows nothing of what is checked.

/** How every violation's message begins (also after it crossed a worker thread as a plain Error). */
export const VIOLATION_PREFIX = 'invariant violated: ';

export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
  /** Scenario name and seed of the run, added by simulate(); null outside a run. */
  scenario: string | null = null;
  seed: number | null = null;

  constructor(
    /** Which invariant, e.g. `node-memory`. */
    readonly invariant: string,
    /** Simulated time of the violation (us); NaN when the caller does not know it. */
    readonly timeUs: number,
    /** The numbers involved, in the order they are reported. */
    readonly values: Readonly<Record<string, number>>,
  ) {
    super(describe(invariant, timeUs, values, null, null));
  }

  /** Names the run it happened in (its message and stack say so too). */
  inRun(scenario: string, seed: number): this {
    // The stack is read first: V8 formats it on first read, from the message at that time.
    const stack = this.stack;
    const before = this.message;
    this.scenario = scenario;
    this.seed = seed;
    this.message = describe(this.invariant, this.timeUs, this.values, scenario, seed);
    if (stack?.includes(before)) this.stack = stack.replace(before, this.message);
    return this;
  }
}

function describe(invariant: string, timeUs: number, values: Readonly<Record<string, number>>, scenario: string | null, seed: number | null): string {
  const numbers = Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const at = Number.isNaN(timeUs) ? 'at an unknown simulated time' : `at simulated time ${timeUs} us`;
  const run = scenario === null ? '' : ` (scenario ${JSON.stringify(scenario)}, seed ${seed})`;
  return `${VIOLATION_PREFIX}${invariant}: ${numbers} ${at}${run}`;
}

/**
 * Throws an InvariantViolation. Call it only once a check has failed (`if (bad) violated(...)`),
 * so that the values' record is built on the failure path alone, never per event.
 */
export function violated(invariant: string, timeUs: number, values: Readonly<Record<string, number>>): never {
  throw new InvariantViolation(invariant, timeUs, values);
}
