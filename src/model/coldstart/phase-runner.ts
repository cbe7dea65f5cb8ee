// Runs a cold start as a sequence of phases, each either a CPU delay or a job on a shared device,
// timing each phase by the clock (so contention shows up in the phase it hits). One event kind for
// all delays; device jobs report back through one listener. No closure per event: closures exist
// per start (the plan), events carry the start's slot number.
import type { Simulator } from '../../engine/simulator.ts';
import type { DeviceJob, SharedDevice } from '../storage/shared-device.ts';
import type { PhaseTimes, StartDone, StartFunctionView } from './start-path.ts';

/** What a step does once it begins: wait, use a device, or nothing. */
export type Action =
  | { readonly delayUs: number }
  | { readonly device: SharedDevice; readonly job: DeviceJob }
  | null;

export interface Step {
  /** Phase the step's time is charged to. */
  readonly phase: string;
  /** Decided when the step begins (e.g. page-cache lookups see the cache as it is then). */
  begin(s: StartState): Action;
  /** Runs when the step has finished (e.g. fill the page cache, mark a function recorded). */
  end?(s: StartState): void;
}

export interface StartState {
  readonly instanceId: number;
  readonly fn: StartFunctionView;
  readonly node: number;
  readonly done: StartDone;
  readonly steps: readonly Step[];
  readonly phases: PhaseTimes;
  path: string;
  firstInvocationExtra: number;
  index: number;
  phaseStart: number;
}

/** Event priority of phase steps (same as the fixed-delay path's completions). */
const STEP_PRIORITY = 2;

export class PhaseRunner {
  private readonly kind: number;
  private readonly slots: (StartState | null)[] = [];
  private readonly free: number[] = [];
  /** Bound once and handed to devices as the job listener. */
  private readonly onDeviceDone = (slot: number): void => this.finishStep(slot);

  constructor(private readonly sim: Simulator) {
    this.kind = sim.register('coldstart/step', (slot) => this.finishStep(slot));
  }

  /** Starts the plan; `done` fires once the last step ends. */
  run(state: StartState): void {
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = state;
    this.beginStep(slot);
  }

  private beginStep(slot: number): void {
    const s = this.slots[slot]!;
    for (;;) {
      if (s.index >= s.steps.length) {
        this.slots[slot] = null;
        this.free.push(slot);
        s.done(s.instanceId, { path: s.path, phases: s.phases, firstInvocationExtra: s.firstInvocationExtra });
        return;
      }
      const step = s.steps[s.index]!;
      s.phaseStart = this.sim.now;
      if (!(step.phase in s.phases)) s.phases[step.phase] = 0;
      const a = step.begin(s);
      if (a === null || ('delayUs' in a && a.delayUs <= 0)) {
        step.end?.(s);
        s.index++;
        continue;
      }
      if ('delayUs' in a) {
        this.sim.schedule(Math.ceil(this.sim.now + a.delayUs), this.kind, slot, 0, STEP_PRIORITY);
      } else {
        a.device.submit(a.job, this.onDeviceDone, slot);
      }
      return;
    }
  }

  private finishStep(slot: number): void {
    const s = this.slots[slot]!;
    const step = s.steps[s.index]!;
    s.phases[step.phase] = (s.phases[step.phase] ?? 0) + (this.sim.now - s.phaseStart);
    step.end?.(s);
    s.index++;
    this.beginStep(slot);
  }
}
