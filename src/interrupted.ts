// The error of a run or sweep stopped by a signal. Apart from simulate.ts so that `sim`'s error
// handling can name it without loading the simulator (start-up).

/** A run (or sweep) stopped by its AbortSignal; `signalName` is the signal's reason (e.g. 'SIGINT'). */
export class Interrupted extends Error {
  constructor(
    readonly signalName?: string,
    message = 'interrupted',
  ) {
    super(message);
    this.name = 'Interrupted';
  }
}
