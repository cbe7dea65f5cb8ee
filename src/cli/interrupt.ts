// SIGINT and SIGTERM during a run or sweep: the first one aborts the command's AbortSignal, which
// stops the work cleanly (no partial output); a second one gets Node's default and kills the
// process (its temporaries are removed by the next run into the same folder).
import { constants } from 'node:os';

export interface InterruptWatch {
  readonly signal: AbortSignal;
  dispose(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function watchInterrupts(): InterruptWatch {
  const ac = new AbortController();
  const handlers = SIGNALS.map((sig) => {
    const h = () => ac.abort(sig);
    process.once(sig, h);
    return [sig, h] as const;
  });
  return {
    signal: ac.signal,
    dispose: () => {
      for (const [sig, h] of handlers) process.removeListener(sig, h);
    },
  };
}

/** The shell's exit code for a command stopped by `signal`: 128 + its number (SIGINT 130, SIGTERM 143). */
export function interruptExitCode(signal: string | undefined): number {
  const n = signal !== undefined ? (constants.signals as Record<string, number | undefined>)[signal] : undefined;
  return 128 + (n ?? constants.signals.SIGINT);
}
