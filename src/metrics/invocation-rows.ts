// invocations.csv off the simulation thread: rows are packed as numbers into shared batches that a
// writer thread formats and writes; the same formatter serves the synchronous (in-thread) path.
import { closeSync, openSync } from 'node:fs';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Invocation } from '../model/invocation.ts';
import { workerExecArgvOnce } from '../worker-exec-argv.ts';
import { ByteWriter, encodeField } from './byte-writer.ts';
import { GzipPieces } from './gzip-pieces.ts';
import { InvitroFormatter } from './invitro-rows.ts';
import {
  ARRIVAL, COLD, COMPUTE, DISPATCH, END, FIXED_SLOTS, FN, ID, INSTANCE, NODE, OUTCOME, REASON, REQUESTED, rowLayout, type RowLayout, START_PATH,
} from './row-slots.ts';

/** `native`: invocations.csv's own columns; `invitro`: InVitro's record columns (invitro-rows.ts). */
export type InvocationColumns = 'native' | 'invitro';

/**
 * `worker`: format and write on a writer thread (waiting for it to start); `sync`: on the
 * simulation thread; `auto`: on the simulation thread until `threadAfterRows` rows, then a writer
 * thread is started and takes over once it is ready (short runs, such as most tests, never start
 * one; a thread that cannot start leaves the writing here, with a warning).
 */
export type InvocationWriterMode = 'auto' | 'worker' | 'sync';

function envMode(): InvocationWriterMode {
  const v = process.env.SIM_INVOCATIONS_WRITER;
  return v === 'worker' || v === 'sync' ? v : 'auto';
}

/**
 * Process-wide knobs, read when a sink is created. Tests change them to force a path or provoke
 * backpressure; SIM_INVOCATIONS_WRITER=sync|worker sets the mode (e.g. where threads misbehave).
 */
export const invocationWriterSettings = {
  mode: envMode(),
  threadAfterRows: 65_536,
  /** Rows per batch: small enough that the batch being filled stays in cache. */
  batchRows: 4096,
  /** Batches the writer may lag behind before the simulation thread waits for it. */
  ringSize: 16,
  /** In `worker` mode, how long to wait for the thread to start (it loads tsx: ~0.3 s when idle). */
  startMs: 30_000,
  /** A writer thread that makes no progress for this long while waited for is taken as dead. */
  stallMs: 60_000,
  /** Interned strings (outcomes, reasons, start paths) kept before the table starts over. */
  stringTableLimit: 1 << 16,
};

/**
 * Turns packed rows into CSV text, on whichever thread writes: times in integer microseconds
 * (exact), empty fields for what an invocation that never ran does not have, phases empty unless
 * its cold start reported them. Strings arrive as a table of codes, in the order they were interned.
 */
export class RowFormatter {
  private readonly layout: RowLayout;
  /** Encoded function names, filled on first use (traces can declare many never invoked). */
  private readonly fnBytes: (Uint8Array | undefined)[];
  private strings: Uint8Array[] = [];
  private rawStrings: string[] = [];
  private readonly invitro: InvitroFormatter | null;

  constructor(
    private readonly w: ByteWriter,
    private readonly functionNames: readonly string[],
    phaseNames: readonly string[],
    header: boolean,
    columns: InvocationColumns = 'native',
  ) {
    this.layout = rowLayout(phaseNames.length);
    this.fnBytes = new Array<Uint8Array | undefined>(functionNames.length);
    this.invitro = columns === 'invitro' ? new InvitroFormatter(w, functionNames, header) : null;
    if (header && this.invitro === null) {
      const cols = [
        'id', 'function', 'arrival_us', 'dispatch_us', 'end_us', 'outcome', 'reason', 'start_path',
        'cold', 'wait_us', 'exec_us', 'latency_us', 'node', 'instance',
        ...phaseNames.map((p) => `phase_${p}`),
      ];
      for (let i = 0; i < cols.length; i++) {
        if (i > 0) w.comma();
        w.text(cols[i]!);
      }
      w.newline();
    }
  }

  /** Strings interned since the last batch; `reset`: the table started over before them. */
  addStrings(strings: readonly string[], reset: boolean): void {
    if (reset) {
      this.strings = [];
      this.rawStrings = [];
    }
    for (const s of strings) {
      this.strings.push(encodeField(s));
      this.rawStrings.push(s);
    }
  }

  format(rows: Float64Array, count: number): void {
    if (this.invitro !== null) {
      this.invitro.format(rows, count, this.layout.stride, this.rawStrings);
      return;
    }
    const w = this.w;
    const str = this.strings;
    const { stride, maskSlots, phaseCount } = this.layout;
    for (let r = 0, o = 0; r < count; r++, o += stride) {
      const arrival = rows[o + ARRIVAL]!;
      const dispatch = rows[o + DISPATCH]!;
      const end = rows[o + END]!;
      const ran = dispatch >= 0;
      const fn = rows[o + FN]!;
      const name = this.fnBytes[fn] ?? (this.fnBytes[fn] = encodeField(this.functionNames[fn]!));
      w.int(rows[o + ID]!).comma().bytes(name).comma().int(arrival).comma();
      if (ran) w.int(dispatch);
      w.comma().int(end).comma().bytes(str[rows[o + OUTCOME]!]!).comma().bytes(str[rows[o + REASON]!]!).comma();
      if (ran) w.bytes(str[rows[o + START_PATH]!]!);
      w.comma().int(rows[o + COLD]!).comma();
      if (ran) w.int(dispatch - arrival).comma().int(end - dispatch);
      else w.comma();
      w.comma().int(end - arrival).comma();
      if (ran) w.int(rows[o + NODE]!).comma().int(rows[o + INSTANCE]!);
      else w.comma();
      const values = o + FIXED_SLOTS + maskSlots;
      for (let i = 0; i < phaseCount; i++) {
        w.comma();
        if ((rows[o + FIXED_SLOTS + (i >>> 5)]! & (1 << (i & 31))) !== 0) w.num(rows[values + i]!);
      }
      w.newline();
    }
  }
}

// ---- protocol with the writer thread (csv-writer-thread.ts; bin/csv-worker.mjs mirrors CONTROL and STATE)

/** Int32 slots of the control block shared with the writer thread. */
export const CONTROL = {
  /** Bumped by the writer after every change below, so a waiter never misses one. */
  seq: 0,
  /** Batches formatted (their ring slot may be refilled). */
  written: 1,
  state: 2,
  size: 3,
} as const;

/**
 * `booting`: loading its modules; `ready`: takes batches; `closed`: every row written (the
 * simulation thread closes the file, which it owns throughout). A thread that failed or exited
 * never touches the file again, and one that did so before `ready` never touched it at all.
 */
export const STATE = { booting: 0, ready: 1, closed: 2, failed: 3, exited: 4 } as const;

export interface CsvWorkerData {
  readonly fd: number;
  readonly functionNames: readonly string[];
  readonly phaseNames: readonly string[];
  /** False when the simulation thread writes the header (it formats the first rows itself). */
  readonly header: boolean;
  readonly columns: InvocationColumns;
  /** Compress as it writes (gzip-pieces.ts); the simulation thread's pending bytes come as a `carry`. */
  readonly gzip: boolean;
  readonly ring: readonly SharedArrayBuffer[];
  readonly control: SharedArrayBuffer;
  /** Carries a failure's message to the simulation thread, which reads it synchronously. */
  readonly port: MessagePort;
}

export type ToWriter =
  | { readonly type: 'batch'; readonly slot: number; readonly rows: number; readonly reset: boolean; readonly strings: readonly string[] }
  | { readonly type: 'carry'; readonly bytes: Uint8Array }
  | { readonly type: 'close' };

export interface WriterFailure {
  readonly message: string;
  readonly code?: string;
}

const WORKER_URL = new URL('../../bin/csv-worker.mjs', import.meta.url);


function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What a row is made of: read during add() only, never kept (the platform may reuse the object). */
export type RowSource = Pick<
  Invocation,
  | 'id' | 'fn' | 'arrival' | 'dispatch' | 'end' | 'outcome' | 'reason' | 'startPath' | 'cold' | 'node' | 'instance'
  | 'requested' | 'computeStart' | 'computeEnd'
>;

/** The strings of the last row and their codes (null: none yet, as no row has a null string). */
function emptyLast(): {
  outcome: string | null; outcomeCode: number; reason: string | null; reasonCode: number; startPath: string | null; startPathCode: number;
} {
  return { outcome: null, outcomeCode: 0, reason: null, reasonCode: 0, startPath: null, startPathCode: 0 };
}

export interface InvocationRowSinkOptions {
  /** A path ending in `.gz` is written gzip-compressed as the rows come (gzip-pieces.ts). */
  readonly path: string;
  readonly functionNames: readonly string[];
  readonly phaseNames: readonly string[];
  /** Default `native`. */
  readonly columns?: InvocationColumns;
}

/**
 * Takes ended invocations and gets them into invocations.csv. add() copies the values it needs
 * and costs a few dozen stores; formatting and writing happen on the writer thread once it has
 * taken over, or here (before that, in the synchronous mode, or if the thread cannot start).
 * Backpressure and completion are synchronous (the simulation never yields to the event loop):
 * the simulation thread blocks in Atomics.wait when the writer lags a whole ring behind, and in
 * close() until every row is written. Failures are thrown from add() or close(), naming the file.
 */
export class InvocationRowSink {
  readonly path: string;
  private readonly gzip: boolean;
  private readonly functionNames: readonly string[];
  private readonly phaseNames: readonly string[];
  private readonly columns: InvocationColumns;
  private readonly layout: RowLayout;
  private readonly batchRows: number;
  private readonly ringSize: number;
  private readonly startMs: number;
  private readonly stallMs: number;
  private readonly stringTableLimit: number;
  /** `worker` mode: the thread was asked for, so its failure to start is an error. */
  private readonly forced: boolean;
  /** Rows after which a writer thread is started (Infinity: never, or no more). */
  private threadAt: number;
  private readonly fd: number;
  private fdClosed = false;
  /** Close the file when the thread is gone (it was stopped while it might have been writing). */
  private closeOnExit = false;
  private rows: Float64Array;
  private n = 0;
  private rowsFlushed = 0;
  private codes = new Map<string, number>();
  private last = emptyLast();
  private strings: string[] = [];
  private sentStrings = 0;
  private resetStrings = false;
  private worker: Worker | null = null;
  /** The thread has taken over: batches go to it, nothing is formatted here any more. */
  private handedOver = false;
  private control: Int32Array | null = null;
  private port: MessagePort | null = null;
  private ring: Float64Array[] = [];
  private posted = 0;
  private localWriter: ByteWriter | null = null;
  private localGzip: GzipPieces | null = null;
  private local: RowFormatter | null = null;
  private done = false;
  private failure: Error | null = null;

  constructor(opts: InvocationRowSinkOptions) {
    const s = invocationWriterSettings;
    this.path = opts.path;
    this.gzip = opts.path.endsWith('.gz');
    this.functionNames = opts.functionNames;
    this.phaseNames = opts.phaseNames;
    this.columns = opts.columns ?? 'native';
    this.layout = rowLayout(opts.phaseNames.length);
    this.batchRows = Math.max(1, Math.floor(s.batchRows));
    this.ringSize = Math.max(2, Math.floor(s.ringSize));
    this.startMs = s.startMs;
    this.stallMs = s.stallMs;
    this.stringTableLimit = s.stringTableLimit;
    const threads = typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object';
    const mode = threads ? s.mode : 'sync';
    this.forced = mode === 'worker';
    this.threadAt = mode === 'worker' ? 0 : mode === 'auto' ? s.threadAfterRows : Infinity;
    // Opened here so a bad path fails at once, with its name, as before the writer thread existed.
    this.fd = openSync(opts.path, 'w');
    const bytes = this.batchRows * this.layout.stride * 8;
    // The batch is filled in place until a writer thread takes over, then it is its first ring slot.
    this.rows = new Float64Array(mode === 'sync' ? new ArrayBuffer(bytes) : new SharedArrayBuffer(bytes));
  }

  /** True once a writer thread has taken over the writing. */
  get threaded(): boolean {
    return this.handedOver;
  }

  add(inv: RowSource, phases: Readonly<Record<string, number>> | undefined): void {
    const b = this.rows;
    const o = this.n * this.layout.stride;
    b[o + ID] = inv.id;
    b[o + FN] = inv.fn;
    b[o + ARRIVAL] = inv.arrival;
    b[o + DISPATCH] = inv.dispatch;
    b[o + END] = inv.end;
    // Consecutive rows mostly repeat these strings: a one-entry cache each saves the map lookups.
    const c = this.last;
    if (inv.outcome !== c.outcome) {
      c.outcome = inv.outcome;
      c.outcomeCode = this.code(inv.outcome);
    }
    if (inv.reason !== c.reason) {
      c.reason = inv.reason;
      c.reasonCode = this.code(inv.reason);
    }
    if (inv.startPath !== c.startPath) {
      c.startPath = inv.startPath;
      c.startPathCode = this.code(inv.startPath);
    }
    b[o + OUTCOME] = c.outcomeCode;
    b[o + REASON] = c.reasonCode;
    b[o + START_PATH] = c.startPathCode;
    b[o + COLD] = inv.cold ? 1 : 0;
    b[o + NODE] = inv.node;
    b[o + INSTANCE] = inv.instance;
    b[o + REQUESTED] = inv.requested;
    const computeStart = inv.computeStart;
    const computeEnd = inv.computeEnd;
    b[o + COMPUTE] = computeStart >= 0 && computeEnd >= 0 ? computeEnd - computeStart : -1;
    const maskSlots = this.layout.maskSlots;
    if (maskSlots > 0) {
      if (phases === undefined) {
        for (let m = 0; m < maskSlots; m++) b[o + FIXED_SLOTS + m] = 0;
      } else {
        // A bitmask, not NaN, marks absent phases: a phase may itself be NaN, and warm rows then
        // skip the value slots entirely.
        const names = this.phaseNames;
        const values = o + FIXED_SLOTS + maskSlots;
        let mask = 0;
        for (let i = 0; i < names.length; i++) {
          const v = phases[names[i]!];
          if (v !== undefined) {
            b[values + i] = v;
            mask |= 1 << (i & 31);
          }
          if ((i & 31) === 31 || i === names.length - 1) {
            b[o + FIXED_SLOTS + (i >>> 5)] = mask >>> 0;
            mask = 0;
          }
        }
      }
    }
    if (++this.n === this.batchRows) this.flushBatch();
  }

  /** Writes what is left and closes the file; throws if any of it could not be written. */
  close(): void {
    if (this.failure) throw this.failure;
    if (this.done) return;
    if (this.n > 0 || (!this.handedOver && this.local === null)) this.flushBatch();
    this.done = true;
    if (this.handedOver) {
      this.worker!.postMessage({ type: 'close' } satisfies ToWriter);
      const ctl = this.control!;
      this.waitFor(() => Atomics.load(ctl, CONTROL.state) === STATE.closed, this.stallMs);
      this.stopWorker();
    } else {
      // A thread still starting never touched the file.
      if (this.worker) this.stopWorker();
      try {
        this.localWriter!.flush();
        this.localGzip?.finish();
      } catch (e) {
        throw this.fail(e);
      }
      this.local = null;
      this.localWriter = null;
      this.localGzip = null;
    }
    // close(2) releases the descriptor even when it reports an error: never close it twice.
    this.fdClosed = true;
    try {
      closeSync(this.fd);
    } catch (e) {
      throw this.fail(e);
    }
  }

  /** Stops writing without finishing the file (the run failed); never throws. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.local = null;
    this.localWriter = null;
    this.localGzip = null;
    this.release();
  }

  private code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.strings.length;
      this.strings.push(s);
      this.codes.set(s, c);
    }
    return c;
  }

  /** Hands the rows packed so far (a full batch, or the last one) to the writer. */
  private flushBatch(): void {
    if (this.failure) throw this.failure;
    if (this.done) throw new Error(`${this.path} is already closed`);
    if (this.worker === null && this.rowsFlushed >= this.threadAt) this.startWorker();
    if (this.worker !== null && !this.handedOver) this.tryHandOver();
    const strings = this.sentStrings === this.strings.length ? [] : this.strings.slice(this.sentStrings);
    const reset = this.resetStrings;
    this.sentStrings = this.strings.length;
    this.resetStrings = false;
    const count = this.n;
    this.rowsFlushed += count;
    if (this.handedOver) {
      this.post({ type: 'batch', slot: this.posted % this.ringSize, rows: count, reset, strings });
    } else {
      if (this.local === null) this.startLocal();
      try {
        this.local!.addStrings(strings, reset);
        this.local!.format(this.rows, count);
      } catch (e) {
        throw this.fail(e);
      }
      this.n = 0;
    }
    // Reasons can be built from data (e.g. `input-${failure}`): keep the table bounded.
    if (this.strings.length > this.stringTableLimit) {
      this.last = emptyLast();
      this.codes = new Map();
      this.strings = [];
      this.sentStrings = 0;
      this.resetStrings = true;
    }
  }

  private startLocal(): void {
    try {
      this.localGzip = this.gzip ? new GzipPieces(this.fd) : null;
      this.localWriter = new ByteWriter(this.fd, this.localGzip);
      this.local = new RowFormatter(this.localWriter, this.functionNames, this.phaseNames, true, this.columns);
    } catch (e) {
      throw this.fail(e);
    }
  }

  /** Starts a writer thread; it takes over in tryHandOver() once it is ready. */
  private startWorker(): void {
    // In auto mode the header and the first rows are formatted here, whatever the thread does.
    if (!this.forced && this.local === null) this.startLocal();
    const bytes = this.rows.byteLength;
    const ring = [this.rows];
    for (let i = 1; i < this.ringSize; i++) ring.push(new Float64Array(new SharedArrayBuffer(bytes)));
    const control = new Int32Array(new SharedArrayBuffer(CONTROL.size * 4));
    const { port1, port2 } = new MessageChannel();
    const data: CsvWorkerData = {
      fd: this.fd,
      functionNames: this.functionNames,
      phaseNames: this.phaseNames,
      header: this.local === null,
      gzip: this.gzip,
      columns: this.columns,
      ring: ring.map((r) => r.buffer as SharedArrayBuffer),
      control: control.buffer as SharedArrayBuffer,
      port: port2,
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, { workerData: data, transferList: [port2], execArgv: [...workerExecArgvOnce()] });
    } catch (e) {
      port1.close();
      this.noThread(e);
      return;
    }
    // Never keeps the process alive: close() itself waits until every row is written.
    worker.unref();
    // Failures reach us through the control block; an unlistened 'error' would crash the process.
    worker.on('error', () => {});
    worker.once('exit', () => {
      if (this.closeOnExit) this.closeFd();
    });
    this.worker = worker;
    this.control = control;
    this.port = port1;
    this.ring = ring;
  }

  /**
   * Lets a ready thread take over; in auto mode a thread still starting is not waited for (rows
   * are formatted here meanwhile), and one that failed to start is given up.
   */
  private tryHandOver(): void {
    const ctl = this.control!;
    if (this.forced && Atomics.load(ctl, CONTROL.state) === STATE.booting) {
      this.waitFor(() => Atomics.load(ctl, CONTROL.state) !== STATE.booting, this.startMs, 'did not start');
    }
    const state = Atomics.load(ctl, CONTROL.state);
    if (state === STATE.booting) return;
    if (state !== STATE.ready) {
      this.checkWorker(); // throws in worker mode
      return;
    }
    // What was formatted here must reach the file before the thread appends to it.
    if (this.localWriter) {
      try {
        this.localWriter.flush();
      } catch (e) {
        throw this.fail(e);
      }
    }
    // Bytes not compressed yet go to the thread, so the pieces fall where they would have anyway.
    const carried = this.localGzip?.takePending();
    if (carried) this.worker!.postMessage({ type: 'carry', bytes: carried } satisfies ToWriter, [carried.buffer as ArrayBuffer]);
    this.local = null;
    this.localWriter = null;
    this.localGzip = null;
    this.handedOver = true;
    // The thread starts with an empty string table.
    this.sentStrings = 0;
    this.resetStrings = false;
  }

  /** Auto mode without a thread: a warning, and the writing stays here. */
  private noThread(cause: unknown): void {
    this.threadAt = Infinity;
    if (this.forced) throw this.fail(cause);
    process.emitWarning(`writing ${this.path} on the simulation thread: no writer thread (${errorMessage(cause)})`);
  }

  private post(msg: ToWriter & { type: 'batch' }): void {
    this.worker!.postMessage(msg);
    this.posted++;
    this.n = 0;
    this.rows = this.ring[this.posted % this.ringSize]!;
    const ctl = this.control!;
    // The next slot is free once the batch that last used it (ringSize batches ago) is written.
    const freeWhen = this.posted - this.ringSize + 1;
    if (Atomics.load(ctl, CONTROL.written) >= freeWhen) this.checkWorker();
    else this.waitFor(() => Atomics.load(ctl, CONTROL.written) >= freeWhen, this.stallMs);
  }

  /** Blocks until `ready()`, throwing if the writer fails, dies or does nothing for `timeoutMs`. */
  private waitFor(ready: () => boolean, timeoutMs: number, what = 'made no progress'): void {
    const ctl = this.control!;
    for (;;) {
      const seq = Atomics.load(ctl, CONTROL.seq);
      this.checkWorker();
      if (ready()) return;
      if (Atomics.wait(ctl, CONTROL.seq, seq, timeoutMs) === 'timed-out') {
        throw this.fail(new Error(`the writer thread ${what} in ${timeoutMs / 1000} s`));
      }
    }
  }

  /** Throws if the thread failed or exited (before taking over, in auto mode: gives it up). */
  private checkWorker(): void {
    const state = Atomics.load(this.control!, CONTROL.state);
    if (state !== STATE.failed && state !== STATE.exited) return;
    let cause: Error;
    if (state === STATE.failed) {
      const m = receiveMessageOnPort(this.port!)?.message as WriterFailure | undefined;
      cause = Object.assign(new Error(m?.message ?? 'unknown error in the writer thread'), m?.code ? { code: m.code } : {});
    } else {
      cause = new Error('the writer thread exited unexpectedly');
    }
    if (this.handedOver || this.forced) throw this.fail(cause);
    this.stopWorker();
    this.noThread(cause);
  }

  /** Records and returns the error that ends this sink, naming the file. */
  private fail(cause: unknown): Error {
    if (this.failure) return this.failure;
    this.failure = new Error(`cannot write ${this.path}: ${errorMessage(cause)}`, { cause });
    this.done = true;
    this.local = null;
    this.localWriter = null;
    this.localGzip = null;
    this.release();
    return this.failure;
  }

  /** Stops the thread and closes the file, at once if no thread can still be writing to it. */
  private release(): void {
    if (this.worker === null) {
      this.closeFd();
      return;
    }
    const state = Atomics.load(this.control!, CONTROL.state);
    // Only a thread that took over and has not stopped by itself may be inside a write.
    if (this.handedOver && state === STATE.ready) this.closeOnExit = true;
    else this.closeFd();
    this.stopWorker();
  }

  private stopWorker(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.port?.close();
    this.port = null;
    this.ring = [];
  }

  private closeFd(): void {
    if (this.fdClosed) return;
    this.fdClosed = true;
    try {
      closeSync(this.fd);
    } catch {
      // Already failing or aborting: the first error is the one worth reporting.
    }
  }
}
