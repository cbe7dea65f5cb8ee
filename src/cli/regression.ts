// The error of a failed `sim compare --fail-if` check. Apart from compare.ts so that `sim`'s error
// handling can name it without loading the command (start-up).

/** Checks failed: the report is printed; the command exits 1. */
export class RegressionFound extends Error {}
