// The simulation thread's side of an invocations.csv writer thread: starts it, posts the packed
// batches through a ring of shared buffers, and waits (Atomics.wait: the simulation never yields
// to the event loop) when the writer lags a whole ring behind or must finish. The thread's side is
// writer-thread-main.ts; what they share is thread-protocol.ts.
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { workerExecArgvOnce } from '../../worker-exec-argv.ts';
import type { NewStrings } from './row-packer.ts';
import { CONTROL, type CsvWorkerData, STATE, type ToWriter, type WriterFailure } from './thread-protocol.ts';

const WORKER_URL = new URL('../../../bin/csv-worker.mjs', import.meta.url);

/** What the thread is given (`header`: it writes the header, as nothing was written before it and the file has one), and its ring. */
export interface WriterThreadOptions extends Pick<CsvWorkerData, 'fd' | 'functionNames' | 'phaseNames' | 'header' | 'columns' | 'gzip'> {
  /** The batch being filled: the ring's first slot, posted first. */
  readonly first: Float64Array;
  readonly ringSize: number;
  /** Called when the thread has exited, whatever the reason. */
  readonly onExit: () => void;
}

/**
 * A started writer thread. Methods that wait throw the thread's own failure (or a timeout) as it
 * is, for the caller to name its file; new WriterThread() throws if no thread can be created.
 */
export class WriterThread {
  private readonly worker: Worker;
  private readonly control: Int32Array;
  private readonly port: MessagePort;
  private readonly ringSize: number;
  private ring: Float64Array[];
  private posted = 0;

  constructor(o: WriterThreadOptions) {
    const bytes = o.first.byteLength;
    const ring = [o.first];
    for (let i = 1; i < o.ringSize; i++) ring.push(new Float64Array(new SharedArrayBuffer(bytes)));
    const control = new Int32Array(new SharedArrayBuffer(CONTROL.size * 4));
    const { port1, port2 } = new MessageChannel();
    const data: CsvWorkerData = {
      fd: o.fd,
      functionNames: o.functionNames,
      phaseNames: o.phaseNames,
      header: o.header,
      gzip: o.gzip,
      columns: o.columns,
      ring: ring.map((r) => r.buffer as SharedArrayBuffer),
      control: control.buffer as SharedArrayBuffer,
      port: port2,
      protocol: { control: CONTROL, state: STATE },
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, { workerData: data, transferList: [port2], execArgv: [...workerExecArgvOnce()] });
    } catch (e) {
      port1.close();
      throw e;
    }
    // Never keeps the process alive: the sink's close() itself waits until every row is written.
    worker.unref();
    // Failures reach us through the control block; an unlistened 'error' would crash the process.
    worker.on('error', () => {});
    worker.once('exit', o.onExit);
    this.worker = worker;
    this.control = control;
    this.port = port1;
    this.ringSize = o.ringSize;
    this.ring = ring;
  }

  /** STATE of the thread. */
  get state(): number {
    return Atomics.load(this.control, CONTROL.state);
  }

  /** Waits while it is still loading its modules (the `worker` mode, which needs the thread). */
  waitStarted(timeoutMs: number): void {
    if (this.state === STATE.booting) this.waitFor(() => this.state !== STATE.booting, timeoutMs, 'did not start');
  }

  /** Why the thread stopped, if it failed or exited; null while it lives or after it closed. */
  problem(): Error | null {
    const state = this.state;
    if (state === STATE.failed) {
      const m = receiveMessageOnPort(this.port)?.message as WriterFailure | undefined;
      return Object.assign(new Error(m?.message ?? 'unknown error in the writer thread'), m?.code ? { code: m.code } : {});
    }
    return state === STATE.exited ? new Error('the writer thread exited unexpectedly') : null;
  }

  /** Plain bytes the simulation thread had not compressed yet: sent before the first batch. */
  carry(bytes: Uint8Array): void {
    this.worker.postMessage({ type: 'carry', bytes } satisfies ToWriter, [bytes.buffer as ArrayBuffer]);
  }

  /**
   * Posts the `rows` rows of the slot being filled and returns the next slot, once the batch that
   * last used it (a ring ago) is written.
   */
  post(rows: number, strings: NewStrings, stallMs: number): Float64Array {
    this.worker.postMessage({ type: 'batch', slot: this.posted % this.ringSize, rows, reset: strings.reset, strings: strings.strings } satisfies ToWriter);
    this.posted++;
    const next = this.ring[this.posted % this.ringSize]!;
    const ctl = this.control;
    const freeWhen = this.posted - this.ringSize + 1;
    if (Atomics.load(ctl, CONTROL.written) >= freeWhen) this.check();
    else this.waitFor(() => Atomics.load(ctl, CONTROL.written) >= freeWhen, stallMs);
    return next;
  }

  /** Asks it to finish the file and waits until every row is written. */
  close(stallMs: number): void {
    this.worker.postMessage({ type: 'close' } satisfies ToWriter);
    this.waitFor(() => this.state === STATE.closed, stallMs);
  }

  /** Stops the thread (at once if idle; one inside a write finishes that write first). */
  stop(): void {
    void this.worker.terminate();
    this.port.close();
    this.ring = [];
  }

  /** Blocks until `ready()`, throwing if the writer fails, dies or does nothing for `timeoutMs`. */
  private waitFor(ready: () => boolean, timeoutMs: number, what = 'made no progress'): void {
    const ctl = this.control;
    for (;;) {
      const seq = Atomics.load(ctl, CONTROL.seq);
      this.check();
      if (ready()) return;
      if (Atomics.wait(ctl, CONTROL.seq, seq, timeoutMs) === 'timed-out') {
        throw new Error(`the writer thread ${what} in ${timeoutMs / 1000} s`);
      }
    }
  }

  private check(): void {
    const p = this.problem();
    if (p !== null) throw p;
  }
}
