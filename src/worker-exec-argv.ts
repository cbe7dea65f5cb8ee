// Node flags for the worker threads we start (sweep runs, the invocations.csv writer). A thread
// inherits this process's flags, but Node refuses some of them for a thread and the thread then
// never starts: --input-type (from `node --input-type=module -e ...`) for a file entry point, and
// every V8 or process-wide flag (`node --max-old-space-size=8192 bin/sim.mjs sweep ...` failed
// with ERR_WORKER_INVALID_EXEC_ARGV). V8 flags are process-wide, so the threads have them anyway.
import { Worker } from 'node:worker_threads';

/** True when Node accepts `flag` alone in a worker's execArgv (it throws at once if not). */
function acceptedByWorker(flag: string): boolean {
  try {
    void new Worker('', { eval: true, execArgv: [flag], stdout: true, stderr: true }).terminate();
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_INVALID_EXEC_ARGV') return false;
    throw e;
  }
}

function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--input-type')) {
      if (a === '--input-type') i++; // its value is the next entry
      continue;
    }
    // A flag followed by its value (`--import x`) is a Node option, which threads accept.
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('-')) {
      out.push(a, next);
      i++;
      continue;
    }
    if (acceptedByWorker(a)) out.push(a);
  }
  return out;
}

let cached: readonly string[] | null = null;

/** The flags for a new worker thread: worked out on the first thread started (probing a flag
 * starts a throw-away thread, which a command that starts none should not pay). */
export function workerExecArgvOnce(): readonly string[] {
  cached ??= workerExecArgv(process.execArgv);
  return cached;
}
