// The discrete-event core: a clock in integer microseconds, a heap of (kind, target, arg) events,
// handler dispatch by kind (no closure per event), and an optional ordered lane for pre-sorted
// arrivals. Fails loudly on events in the past, like SimPy's core.
import { EventQueue, MAX_PRIORITY, SEQ_SPAN } from './event-queue.ts';
import type { OrderedStream } from './lane.ts';
import { SlotQueue } from './slot-queue.ts';
import { TimerChannel } from './timer-channel.ts';

export type Handler = (target: number, arg: number) => void;

export class SimulationError extends Error {}

export class Simulator {
  private readonly queue = new EventQueue();
  private readonly handlers: Handler[] = [];
  private readonly handlerNames: string[] = [];
  /** Timer channel of each kind (null: its events go straight to the heap). */
  private readonly channels: (TimerChannel | null)[] = [];
  /** Heap kind standing for the head of each channel. */
  private readonly channelHeads: number[] = [];
  /** Slot queues, with the kind each delivers to; and each kind's queue (null: none). */
  private readonly slotQueues: SlotQueue[] = [];
  private readonly slotQueueKinds: number[] = [];
  private readonly slotsOf: (SlotQueue | null)[] = [];
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
    this.channels.push(null);
    this.channelHeads.push(-1);
    this.slotsOf.push(null);
    return this.handlers.length - 1;
  }

  /**
   * Registers a kind whose events belong to `count` slots (e.g. nodes), each with at most one
   * pending event that `setSlot` moves in place; the handler gets (slot, 0). Ordered with all
   * other events by (time, priority, sequence), the sequence taken when the slot was last set.
   */
  registerSlots(name: string, count: number, handler: Handler): number {
    const kind = this.register(name, handler);
    const sq = new SlotQueue(count);
    this.slotsOf[kind] = sq;
    this.slotQueues.push(sq);
    this.slotQueueKinds.push(kind);
    return kind;
  }

  /** Extends a slot kind to slots [0, count) (for owners created after registration). */
  growSlots(kind: number, count: number): void {
    const sq = this.slotsOf[kind];
    if (!sq) throw new SimulationError(`event kind ${this.kindName(kind)} has no slots`);
    sq.grow(count);
  }

  /** Sets (or moves) the pending event of `slot` to `time`. */
  setSlot(kind: number, slot: number, time: number, priority = 0): void {
    this.check(time, kind, priority);
    const sq = this.slotsOf[kind];
    if (!sq) throw new SimulationError(`event kind ${this.kindName(kind)} has no slots`);
    sq.set(slot, time, this.queue.nextKey(priority));
  }

  /** Cancels the pending event of `slot`, if any. */
  clearSlot(kind: number, slot: number): void {
    this.slotsOf[kind]?.remove(slot);
  }

  /**
   * Registers a kind for timers that are mostly scheduled in nondecreasing time order (a fixed
   * delay after now). Those wait in a FIFO with only its head in the heap; any that would go
   * out of order go to the heap. Either way every event keeps the (time, priority, sequence)
   * place it would have had in the heap, so the order of events is exactly the same.
   */
  registerTimer(name: string, handler: Handler): number {
    const kind = this.register(name, handler);
    const ch = new TimerChannel();
    const q = this.queue;
    const head = this.register(`${name} (channel)`, () => {
      ch.shift();
      if (ch.size > 0) q.pushKeyed(ch.headTime(), ch.headKey(), head, 0, 0);
      handler(ch.shiftedTarget, ch.shiftedArg);
    });
    this.channels[kind] = ch;
    this.channelHeads[kind] = head;
    return kind;
  }

  kindName(kind: number): string {
    return this.handlerNames[kind] ?? `kind#${kind}`;
  }

  /** Schedules an event at absolute time `time` (integer us, not before now). */
  schedule(time: number, kind: number, target: number, arg = 0, priority = 0): void {
    this.check(time, kind, priority);
    const ch = this.channels[kind]!;
    const key = this.queue.nextKey(priority);
    if (ch !== null && ch.accepts(time, key)) {
      if (ch.size === 0) this.queue.pushKeyed(time, key, this.channelHeads[kind]!, 0, 0);
      ch.append(time, key, target, arg);
      return;
    }
    this.queue.pushKeyed(time, key, kind, target, arg);
  }

  private check(time: number, kind: number, priority: number): void {
    if (!(time >= this.now)) {
      throw new SimulationError(`event ${this.kindName(kind)} scheduled at ${time} us, before the current time ${this.now} us`);
    }
    if (!Number.isInteger(time)) {
      throw new SimulationError(`event ${this.kindName(kind)} scheduled at non-integer time ${time} us`);
    }
    if (priority < 0 || priority >= MAX_PRIORITY || !Number.isInteger(priority)) {
      throw new SimulationError(`priority ${priority} out of range [0, ${MAX_PRIORITY})`);
    }
    if (kind < 0 || kind >= this.handlers.length) throw new SimulationError(`unknown event kind ${kind}`);
  }

  scheduleIn(delay: number, kind: number, target: number, arg = 0, priority = 0): void {
    this.schedule(this.now + delay, kind, target, arg, priority);
  }

  /**
   * Attaches an ordered lane whose items are delivered to `kind` as (payload, 0), at `now` equal to
   * their time. At equal times a lane item runs before heap events whose priority is >= `priority`.
   */
  setLane(stream: OrderedStream, kind: number, priority = 0): void {
    this.lane = stream;
    this.laneTime = stream.time;
    this.laneKind = kind;
    this.lanePriority = priority;
  }

  /** Events waiting (heap and timer channels; not the lane). */
  get pending(): number {
    let n = this.queue.size;
    for (const ch of this.channels) if (ch !== null && ch.size > 0) n += ch.size - 1;
    for (const sq of this.slotQueues) n += sq.size;
    return n;
  }

  /** Time of the next event (heap, slots or lane), +Infinity if none. */
  peekTime(): number {
    let t = Math.min(this.laneTime, this.queue.peekTime());
    for (const sq of this.slotQueues) if (sq.size > 0 && sq.peekTime() < t) t = sq.peekTime();
    return t;
  }

  /**
   * Processes exactly one event. Returns false (and processes nothing) when there is nothing left
   * to do or the next event is after `until`.
   */
  step(until = Infinity): boolean {
    // Heads are read from the queues' arrays, not through calls: this function is too big for
    // V8 to inline them, and a returned time or key past 2^31 is boxed, one heap number each.
    const q = this.queue;
    const lt = this.laneTime;
    let ht = Infinity;
    let hk = Infinity;
    if (q.n > 0) {
      ht = q.times[0]!;
      hk = q.keys[0]!;
    }
    // The earliest of the heap and the slot queues (-1: the heap).
    let from = -1;
    const sqs = this.slotQueues;
    for (let i = 0; i < sqs.length; i++) {
      const sq = sqs[i]!;
      if (sq.n === 0) continue;
      const head = sq.heap[0]!;
      const st = sq.times[head]!;
      if (st < ht || (st === ht && sq.keys[head]! < hk)) {
        ht = st;
        hk = sq.keys[head]!;
        from = i;
      }
    }
    if (lt === Infinity && ht === Infinity) return false;
    if (lt < ht || (lt === ht && this.lanePriority <= Math.floor(hk / SEQ_SPAN))) {
      if (lt > until) return false;
      if (lt < this.now) throw new SimulationError(`ordered lane delivered time ${lt} before ${this.now}`);
      this.now = lt;
      const lane = this.lane!;
      const payload = lane.take();
      this.laneTime = lane.time;
      this.processed++;
      // Not (payload, lt): past 2^31 us a time is no small integer, and passing it to a handler
      // that is not inlined allocates a heap number per arrival (a third of the run's garbage).
      this.handlers[this.laneKind]!(payload, 0);
      return true;
    }
    if (ht > until) return false;
    if (from >= 0) {
      const slot = sqs[from]!.pop();
      this.now = ht;
      this.processed++;
      this.handlers[this.slotQueueKinds[from]!]!(slot, 0);
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
      if (this.lane === null && this.slotQueues.length === 0) {
        // Fast path without a lane: the heap alone, no second peek.
        if (q.size === 0 || q.peekTime() > until) break;
        q.pop();
        this.now = q.poppedTime;
        this.processed++;
        handlers[q.poppedKind]!(q.poppedTarget, q.poppedArg);
      } else if (!this.step(until)) {
        break;
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
