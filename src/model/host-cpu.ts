// Host CPU work that is not an invocation (a cold start's VMM load, fault handling, working-set
// install, connection restore) run on the node's cores, shared with executions by processor sharing
// (REAP, ASPLOS'21 host: 2 x 24 cores, 48 hardware threads). Jobs get ids above the invocation rows.

/** Called once when a host job finishes, with the token given at submission. */
export type HostJobListener = (token: number) => void;

/** A node's cores as a start path sees them. */
export interface HostCpu {
  /** Runs `workUs` of full-speed work on one hardware thread of node `node`; `listener(token)` when done. */
  run(node: number, workUs: number, listener: HostJobListener, token: number): void;
}

/** CPU job ids at or above this are host jobs; below it they are invocation rows. */
export const HOST_JOB_BASE = 1 << 30;

/** The listeners of the host jobs in flight, by job id (slots reused: no allocation per job). */
export class HostJobs {
  private readonly listeners: (HostJobListener | null)[] = [];
  private readonly tokens: number[] = [];
  private readonly free: number[] = [];

  /** Registers a job; returns its CPU job id. */
  open(listener: HostJobListener, token: number): number {
    const k = this.free.pop() ?? this.listeners.length;
    this.listeners[k] = listener;
    this.tokens[k] = token;
    return HOST_JOB_BASE + k;
  }

  /** The job `id` finished: frees its slot and calls its listener. */
  finish(id: number): void {
    const k = id - HOST_JOB_BASE;
    const l = this.listeners[k]!;
    this.listeners[k] = null;
    this.free.push(k);
    l(this.tokens[k]!);
  }
}
