// Getting ended invocations into invocations.csv in one of three writing modes (settings.ts): on
// the simulation thread (local-writer.ts), on a writer thread (writer-thread.ts), or `auto`, which
// starts here and hands over to a thread on a long run. Rows are packed as numbers (row-packer.ts)
// whichever thread formats them, so every mode writes the same bytes.
import { closeSync, openSync } from 'node:fs';
import { LocalWriter } from './local-writer.ts';
import { RowPacker, type RowSource } from './row-packer.ts';
import type { InvocationColumns } from './row-formatter.ts';
import { rowLayout } from './row-slots.ts';
import { invocationWriterSettings } from './settings.ts';
import { STATE } from './thread-protocol.ts';
import { WriterThread } from './writer-thread.ts';

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface InvocationRowSinkOptions {
  /** A path ending in `.gz` is written gzip-compressed as the rows come (gzip-pieces.ts). */
  readonly path: string;
  readonly functionNames: readonly string[];
  readonly phaseNames: readonly string[];
  /** Default `native`. */
  readonly columns?: InvocationColumns;
  /**
   * False: no header row, only the rows (parts of one table to be concatenated after a single
   * header). Default true.
   */
  readonly header?: boolean;
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
  private readonly header: boolean;
  private readonly batchRows: number;
  private readonly ringSize: number;
  private readonly startMs: number;
  private readonly stallMs: number;
  /** `worker` mode: the thread was asked for, so its failure to start is an error. */
  private readonly forced: boolean;
  /** Rows after which a writer thread is started (Infinity: never, or no more). */
  private threadAt: number;
  private readonly fd: number;
  private fdClosed = false;
  /** Close the file when the thread is gone (it was stopped while it might have been writing). */
  private closeOnExit = false;
  private readonly packer: RowPacker;
  private rowsFlushed = 0;
  private thread: WriterThread | null = null;
  /** The thread has taken over: batches go to it, nothing is formatted here any more. */
  private handedOver = false;
  private local: LocalWriter | null = null;
  private done = false;
  private failure: Error | null = null;

  constructor(opts: InvocationRowSinkOptions) {
    const s = invocationWriterSettings;
    this.path = opts.path;
    this.gzip = opts.path.endsWith('.gz');
    this.functionNames = opts.functionNames;
    this.phaseNames = opts.phaseNames;
    this.columns = opts.columns ?? 'native';
    this.header = opts.header ?? true;
    this.batchRows = Math.max(1, Math.floor(s.batchRows));
    this.ringSize = Math.max(2, Math.floor(s.ringSize));
    this.startMs = s.startMs;
    this.stallMs = s.stallMs;
    const threads = typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object';
    const mode = threads ? s.mode : 'sync';
    this.forced = mode === 'worker';
    this.threadAt = mode === 'worker' ? 0 : mode === 'auto' ? s.threadAfterRows : Infinity;
    // Opened here so a bad path fails at once, with its name, as before the writer thread existed.
    this.fd = openSync(opts.path, 'w');
    const layout = rowLayout(opts.phaseNames.length);
    const bytes = this.batchRows * layout.stride * 8;
    // The batch is filled in place until a writer thread takes over, then it is its first ring slot.
    const rows = new Float64Array(mode === 'sync' ? new ArrayBuffer(bytes) : new SharedArrayBuffer(bytes));
    this.packer = new RowPacker(rows, layout, opts.phaseNames, s.stringTableLimit);
  }

  /** True once a writer thread has taken over the writing. */
  get threaded(): boolean {
    return this.handedOver;
  }

  add(inv: RowSource, phases: Readonly<Record<string, number>> | undefined): void {
    const p = this.packer;
    p.add(inv, phases);
    if (p.count === this.batchRows) this.flushBatch();
  }

  /** Writes what is left and closes the file; throws if any of it could not be written. */
  close(): void {
    if (this.failure) throw this.failure;
    if (this.done) return;
    if (this.packer.count > 0 || (!this.handedOver && this.local === null)) this.flushBatch();
    this.done = true;
    if (this.handedOver) {
      try {
        this.thread!.close(this.stallMs);
      } catch (e) {
        throw this.fail(e);
      }
      this.stopThread();
    } else {
      // A thread still starting never touched the file.
      if (this.thread) this.stopThread();
      try {
        this.local!.finish();
      } catch (e) {
        throw this.fail(e);
      }
      this.local = null;
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
    this.release();
  }

  /** Hands the rows packed so far (a full batch, or the last one) to the writer. */
  private flushBatch(): void {
    if (this.failure) throw this.failure;
    if (this.done) throw new Error(`${this.path} is already closed`);
    if (this.thread === null && this.rowsFlushed >= this.threadAt) this.startThread();
    if (this.thread !== null && !this.handedOver) this.tryHandOver();
    const p = this.packer;
    const strings = p.takeStrings();
    const count = p.count;
    this.rowsFlushed += count;
    p.count = 0;
    if (this.handedOver) {
      try {
        p.rows = this.thread!.post(count, strings, this.stallMs);
      } catch (e) {
        throw this.fail(e);
      }
    } else {
      if (this.local === null) this.startLocal();
      try {
        this.local!.write(p.rows, count, strings);
      } catch (e) {
        throw this.fail(e);
      }
    }
    p.boundStrings();
  }

  private startLocal(): void {
    try {
      this.local = new LocalWriter(this.fd, this.gzip, this.functionNames, this.phaseNames, this.header, this.columns);
    } catch (e) {
      throw this.fail(e);
    }
  }

  /** Starts a writer thread; it takes over in tryHandOver() once it is ready. */
  private startThread(): void {
    // In auto mode the header and the first rows are formatted here, whatever the thread does.
    if (!this.forced && this.local === null) this.startLocal();
    try {
      this.thread = new WriterThread({
        fd: this.fd,
        functionNames: this.functionNames,
        phaseNames: this.phaseNames,
        header: this.header && this.local === null,
        columns: this.columns,
        gzip: this.gzip,
        first: this.packer.rows,
        ringSize: this.ringSize,
        onExit: () => {
          if (this.closeOnExit) this.closeFd();
        },
      });
    } catch (e) {
      this.noThread(e);
    }
  }

  /**
   * Lets a ready thread take over; in auto mode a thread still starting is not waited for (rows
   * are formatted here meanwhile), and one that failed to start is given up.
   */
  private tryHandOver(): void {
    const t = this.thread!;
    if (this.forced) {
      try {
        t.waitStarted(this.startMs);
      } catch (e) {
        throw this.fail(e);
      }
    }
    const state = t.state;
    if (state === STATE.booting) return;
    if (state !== STATE.ready) {
      const cause = t.problem();
      if (cause === null) return;
      if (this.forced) throw this.fail(cause);
      this.stopThread();
      this.noThread(cause);
      return;
    }
    if (this.local !== null) {
      let carried: Uint8Array | undefined;
      try {
        carried = this.local.handOver();
      } catch (e) {
        throw this.fail(e);
      }
      if (carried) t.carry(carried);
      this.local = null;
    }
    this.handedOver = true;
    // The thread starts with an empty string table.
    this.packer.resendStrings();
  }

  /** Auto mode without a thread: a warning, and the writing stays here. */
  private noThread(cause: unknown): void {
    this.threadAt = Infinity;
    if (this.forced) throw this.fail(cause);
    process.emitWarning(`writing ${this.path} on the simulation thread: no writer thread (${errorMessage(cause)})`);
  }

  /** Records and returns the error that ends this sink, naming the file. */
  private fail(cause: unknown): Error {
    if (this.failure) return this.failure;
    this.failure = new Error(`cannot write ${this.path}: ${errorMessage(cause)}`, { cause });
    this.done = true;
    this.local = null;
    this.release();
    return this.failure;
  }

  /** Stops the thread and closes the file, at once if no thread can still be writing to it. */
  private release(): void {
    if (this.thread === null) {
      this.closeFd();
      return;
    }
    // Only a thread that took over and has not stopped by itself may be inside a write.
    if (this.handedOver && this.thread.state === STATE.ready) this.closeOnExit = true;
    else this.closeFd();
    this.stopThread();
  }

  private stopThread(): void {
    this.thread?.stop();
    this.thread = null;
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
