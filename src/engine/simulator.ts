// The discrete-event core: a clock in integer microseconds, a heap of (kind, target, arg) events,
// handler dispatch by kind (no closure per event), and an optional ordered lane for pre-sorted
// arrivals. Fails loudly on events in the past, like SimPy's core.
import { EventQueue, MAX_PRIORITY } from './event-queue.ts';
import type { OrderedStream } from './lane.ts';

export type Handler = (target: number, arg: number) => void;

export class SimulationError extends Error {}

export class Simulator {
  private readonly queue = new EventQueue();
  private readonly handlers: Handler[] = [];
  private readonly handlerNames: string[] = [];
  private lane: OrderedStream | null = null;
  /** The lane's next time, cached: it only changes when the lane is taken from. */
  private laneTime = Infinity;
  private laneKind = -1;
  private lanePriority = 0;
  private stopped = false;
  /** Current simulated time (us). */
  now = 0;
  /** Events processed so far (heap and lane). */
  processed = 0;

  /** Registers a handler and returns the event kind that dispatches to it. */
  register(name: string, handler: Handler): number {
    this.handlers.push(handler);
    this.handlerNames.push(name);
    return this.handlers.length - 1;
  }

  kindName(kind: number): string {
    return this.handlerNames[kind] ?? `kind#${kind}`;
  }

  /** Schedules an event at absolute time `time` (integer us, not before now). */
  schedule(time: number, kind: number, target: number, arg = 0, priority = 0): void {
    if (!(time >= this.now)) {
      throw new SimulationError(
        `event ${this.kindName(kind)} scheduled at ${time} us, before the current time ${this.now} us`,
      );
    }
    if (!Number.isInteger(time)) {
      throw new SimulationError(`event ${this.kindName(kind)} scheduled at non-integer time ${time} us`);
    }
    if (priority < 0 || priority >= MAX_PRIORITY || !Number.isInteger(priority)) {
      throw new SimulationError(`priority ${priority} out of range [0, ${MAX_PRIORITY})`);
    }
    if (kind < 0 || kind >= this.handlers.length) throw new SimulationError(`unknown event kind ${kind}`);
    this.queue.push(time, priority, kind, target, arg);
  }

  scheduleIn(delay: number, kind: number, target: number, arg = 0, priority = 0): void {
    this.schedule(this.now + delay, kind, target, arg, priority);
  }

  /**
   * Attaches an ordered lane whose items are delivered to `kind` as (payload, time). At equal
   * times a lane item runs before heap events whose priority is >= `priority`.
   */
  setLane(stream: OrderedStream, kind: number, priority = 0): void {
    this.lane = stream;
    this.laneTime = stream.peekTime();
    this.laneKind = kind;
    this.lanePriority = priority;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next event (heap or lane), +Infinity if none. */
  peekTime(): number {
    return Math.min(this.laneTime, this.queue.peekTime());
  }

  /** Processes exactly one event. Returns false when there is nothing left to do. */
  step(): boolean {
    const q = this.queue;
    const lt = this.laneTime;
    const ht = q.peekTime();
    if (lt === Infinity && ht === Infinity) return false;
    if (lt < ht || (lt === ht && this.lanePriority <= q.peekPriority())) {
      if (lt < this.now) throw new SimulationError(`ordered lane delivered time ${lt} before ${this.now}`);
      this.now = lt;
      const lane = this.lane!;
      const payload = lane.take();
      this.laneTime = lane.peekTime();
      this.processed++;
      this.handlers[this.laneKind]!(payload, lt);
      return true;
    }
    q.pop();
    this.now = q.poppedTime;
    this.processed++;
    this.handlers[q.poppedKind]!(q.poppedTarget, q.poppedArg);
    return true;
  }

  /** Runs until no events remain, `stop()` is called, or the next event is after `until`. */
  run(until = Infinity): void {
    this.stopped = false;
    const q = this.queue;
    const handlers = this.handlers;
    while (!this.stopped) {
      if (this.lane === null) {
        // Fast path without a lane: the heap alone, no second peek.
        if (q.size === 0 || q.peekTime() > until) break;
        q.pop();
        this.now = q.poppedTime;
        this.processed++;
        handlers[q.poppedKind]!(q.poppedTarget, q.poppedArg);
      } else {
        if (this.peekTime() > until) break;
        if (!this.step()) break;
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
