// Runs one transfer operation as a sequence of phases on real resources: a delay (a drawn
// per-request latency) or a network flow (which shares NIC and fabric bandwidth with every other
// flow). Phase times are measured by the clock, so contention shows up in the phase it hits. Same
// idea as the cold-start phase runner (src/model/coldstart/phase-runner.ts), with flows instead
// of disk jobs and failures as values.
import type { Simulator } from '../../engine/simulator.ts';
import type { FlowOptions, Network } from '../network/network.ts';
import type { TransferDone, TransferMethod } from './outcome.ts';
import { PRIORITY } from '../event-priority.ts';

export type Phase =
  | { readonly phase: string; readonly delayUs: number }
  | {
      readonly phase: string;
      readonly flow: { readonly src: number; readonly dst: number; readonly bytes: number } & FlowOptions;
    };

interface Running {
  readonly method: TransferMethod;
  readonly op: string;
  readonly bytes: number;
  readonly phases: readonly Phase[];
  readonly done: TransferDone;
  readonly times: Record<string, number>;
  readonly startUs: number;
  index: number;
  phaseStart: number;
  /** Set for failures delivered asynchronously. */
  failure: { reason: string; detail: string } | null;
}

export class TransferRunner {
  private readonly kind: number;
  private readonly slots: (Running | null)[] = [];
  private readonly free: number[] = [];
  private readonly onFlowDone = (slot: number): void => this.endPhase(slot);
  /** Operations started and finished (ok or failed), for accounting checks. */
  started = 0;
  finished = 0;

  constructor(
    private readonly sim: Simulator,
    readonly network: Network,
  ) {
    this.kind = sim.register('transfer/phase', (slot) => this.endPhase(slot));
  }

  /** Runs `phases` in order; `done` gets the outcome once the last one ends. */
  run(method: TransferMethod, op: string, bytes: number, phases: readonly Phase[], done: TransferDone): void {
    const slot = this.alloc({
      method,
      op,
      bytes,
      phases,
      done,
      times: {},
      startUs: this.sim.now,
      index: 0,
      phaseStart: this.sim.now,
      failure: null,
    });
    this.beginPhase(slot);
  }

  /** Reports a failure at the current time, from an event (never inside the caller's stack). */
  fail(method: TransferMethod, op: string, bytes: number, reason: string, detail: string, done: TransferDone): void {
    const slot = this.alloc({
      method,
      op,
      bytes,
      phases: [],
      done,
      times: {},
      startUs: this.sim.now,
      index: 0,
      phaseStart: this.sim.now,
      failure: { reason, detail },
    });
    this.sim.schedule(this.sim.now, this.kind, slot, 0, PRIORITY.transferStep);
  }

  private alloc(r: Running): number {
    this.started++;
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = r;
    return slot;
  }

  private beginPhase(slot: number): void {
    const r = this.slots[slot]!;
    if (r.index >= r.phases.length) {
      this.finish(slot);
      return;
    }
    const p = r.phases[r.index]!;
    r.phaseStart = this.sim.now;
    if ('delayUs' in p) {
      if (!(p.delayUs >= 0)) throw new RangeError(`phase ${p.phase}: delay ${p.delayUs} us`);
      this.sim.schedule(Math.ceil(this.sim.now + p.delayUs), this.kind, slot, 0, PRIORITY.transferStep);
    } else {
      const f = p.flow;
      this.network.startFlow(f.src, f.dst, f.bytes, this.onFlowDone, slot, f);
    }
  }

  private endPhase(slot: number): void {
    const r = this.slots[slot]!;
    if (r.failure !== null) {
      this.release(slot);
      r.done({ ok: false, method: r.method, op: r.op, bytes: r.bytes, reason: r.failure.reason, detail: r.failure.detail, atUs: this.sim.now });
      return;
    }
    const p = r.phases[r.index]!;
    r.times[p.phase] = (r.times[p.phase] ?? 0) + (this.sim.now - r.phaseStart);
    r.index++;
    this.beginPhase(slot);
  }

  private finish(slot: number): void {
    const r = this.slots[slot]!;
    this.release(slot);
    r.done({ ok: true, method: r.method, op: r.op, bytes: r.bytes, startUs: r.startUs, endUs: this.sim.now, phases: r.times });
  }

  private release(slot: number): void {
    this.slots[slot] = null;
    this.free.push(slot);
    this.finished++;
  }
}
