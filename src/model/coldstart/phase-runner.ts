// Runs a cold start as a sequence of phases, each either host CPU work (on the node's cores when a
// host CPU is attached, else a plain delay) or a job on a shared device,
// timing each phase by the clock (so contention shows up in the phase it hits). One event kind for
// all delays; device jobs report back through one listener. No closure per event or per start:
// a path's steps are made once and read the start's own context from its state; events carry the
// start's slot number.
import type { Simulator } from '../../engine/simulator.ts';
import type { HostCpu } from '../host-cpu.ts';
import type { DeviceJob, SharedDevice } from '../storage/shared-device.ts';
import type { PhaseTimes, StartDone, StartFunctionView } from './start-path.ts';
import { PRIORITY } from '../event-priority.ts';

/** A job on a shared device. The runner submits it at once and keeps nothing of it, so a step
 * may hand out the same object every time. */
export interface DeviceAction {
  readonly device: SharedDevice;
  readonly job: DeviceJob;
}

/** What a step does once it begins: this many us of host CPU work (one hardware thread), use a
 * device, nothing, or `WAIT`: the step has parked the start and will call `PhaseRunner.resume`
 * with its slot (e.g. waiting for another start's in-flight read). */
export const WAIT = 'wait';
/** A wait that uses no resource of the node (e.g. queueing for a host-wide lock). */
export interface IdleAction {
  readonly idleUs: number;
}
export type Action = number | DeviceAction | IdleAction | null | typeof WAIT;

/** One step of a plan; `S` is the state a path's own steps read (its start context). */
export interface Step<S extends StartState = StartState> {
  /** Phase the step's time is charged to. */
  readonly phase: string;
  /** Decided when the step begins (e.g. page-cache lookups see the cache as it is then). */
  begin(s: S): Action;
  /** Runs when the step has finished (e.g. fill the page cache, mark a function recorded). */
  end?(s: S): void;
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
  /** The runner's slot for this start (set by `run`), for steps that park it. */
  slot: number;
}

export class PhaseRunner {
  private readonly kind: number;
  private readonly slots: (StartState | null)[] = [];
  private readonly free: number[] = [];
  /** Bound once and handed to devices and CPUs as the job listener. */
  private readonly onDeviceDone = (slot: number): void => this.finishStep(slot);
  /** The nodes' cores; null: CPU work is a pure delay (no contention between starts). */
  hostCpu: HostCpu | null = null;

  constructor(private readonly sim: Simulator) {
    this.kind = sim.register('coldstart/step', (slot) => this.finishStep(slot));
  }

  /** Starts the plan; `done` fires once the last step ends. */
  run(state: StartState): void {
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = state;
    state.slot = slot;
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
      if (a === null || (typeof a === 'number' && a <= 0)) {
        step.end?.(s);
        s.index++;
        continue;
      }
      if (a === WAIT) return;
      if (typeof a === 'object' && 'idleUs' in a) {
        if (a.idleUs <= 0) {
          step.end?.(s);
          s.index++;
          continue;
        }
        this.sim.schedule(Math.ceil(this.sim.now + a.idleUs), this.kind, slot, 0, PRIORITY.coldStartStep);
        return;
      }
      if (typeof a === 'number') {
        if (this.hostCpu !== null) this.hostCpu.run(s.node, a, this.onDeviceDone, slot);
        else this.sim.schedule(Math.ceil(this.sim.now + a), this.kind, slot, 0, PRIORITY.coldStartStep);
      } else {
        a.device.submit(a.job, this.onDeviceDone, slot);
      }
      return;
    }
  }

  get now(): number {
    return this.sim.now;
  }

  /** A parked step (it returned `WAIT`) is over. */
  resume(slot: number): void {
    this.finishStep(slot);
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
