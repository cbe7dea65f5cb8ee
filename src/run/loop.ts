// The event loop of one built simulation, as steps: arrivals come in [0, duration), then the run
// drains until every admitted request has ended; it yields at each progress point so that a driver
// can report progress and let the event loop run (a signal handler, a worker's messages).
import type { BuiltSimulation } from '../scenario/build.ts';

export interface Progress {
  readonly simTimeUs: number;
  readonly durationUs: number;
  readonly events: number;
  readonly arrivals: number;
  readonly draining: boolean;
}

/** Events between progress points. */
export const PROGRESS_EVERY = 1 << 18;

/**
 * Runs `b` to its end and returns the end time (the duration, or the last event of the drain).
 * With `reports` false it never yields. On an error the invocations.csv writer is stopped.
 */
export function* runLoop(b: BuiltSimulation, reports: boolean, onProgress?: (p: Progress) => void): Generator<void, number> {
  const { sim, platform, recorder, duration } = b;
  let nextReport = PROGRESS_EVERY;
  try {
    for (;;) {
      // Only an empty system can be done, so the next event's time is looked up only then.
      if (platform.inFlight === 0 && (b.workflows?.engine.active ?? 0) === 0 && sim.peekTime() >= duration) break;
      if (!sim.step()) break;
      if (reports && sim.processed >= nextReport) {
        nextReport += PROGRESS_EVERY;
        onProgress?.({
          simTimeUs: sim.now,
          durationUs: duration,
          events: sim.processed,
          arrivals: recorder.arrivals,
          draining: sim.now >= duration,
        });
        yield; // a driver with a signal lets the event loop run here
      }
    }
  } catch (e) {
    recorder.abort(); // stops the invocations.csv writer thread, if one runs
    throw e;
  }
  return Math.max(duration, sim.now);
}
