// Node flags for the worker threads we start (sweep runs, the invocations.csv writer). A thread
// inherits this process's flags, and --input-type (from `node --input-type=module -e ...`) is
// refused for a file entry point: it would kill the thread before it runs a line.
export const WORKER_EXEC_ARGV: readonly string[] = process.execArgv.filter(
  (a, i, all) => !a.startsWith('--input-type') && all[i - 1] !== '--input-type',
);
