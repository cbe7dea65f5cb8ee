// The invocations.csv writer thread (started by writer-thread.ts through bin/csv-worker.mjs):
// formats the packed row batches the simulation thread posts, with the formatter of the
// synchronous path, and writes them to the descriptor it was handed.
import { parentPort, workerData } from 'node:worker_threads';
import { ByteWriter } from '../byte-writer.ts';
import { GzipPieces } from '../gzip-pieces.ts';
import { RowFormatter } from './row-formatter.ts';
import { CONTROL, type CsvWorkerData, signal, STATE, type ToWriter, type WriterFailure } from './thread-protocol.ts';

const data = workerData as CsvWorkerData;
const ctl = new Int32Array(data.control);
const ring = data.ring.map((b) => new Float64Array(b));

function live(): boolean {
  const s = Atomics.load(ctl, CONTROL.state);
  return s === STATE.booting || s === STATE.ready;
}

function fail(e: unknown): void {
  if (!live()) return;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const failure: WriterFailure = { message: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) };
  data.port.postMessage(failure);
  Atomics.store(ctl, CONTROL.state, STATE.failed);
  signal(ctl);
}

// A thread that ends without finishing (process.exit, an uncaught error) must not leave the
// simulation thread waiting for the stall timeout.
process.on('exit', () => {
  if (!live()) return;
  Atomics.store(ctl, CONTROL.state, STATE.exited);
  signal(ctl);
});

let writer: ByteWriter | null = null;
let gzip: GzipPieces | null = null;
let formatter: RowFormatter | null = null;
try {
  // The simulation thread owns the descriptor and closes it: only flush(), never close(), here.
  gzip = data.gzip ? new GzipPieces(data.fd) : null;
  writer = new ByteWriter(data.fd, gzip);
  formatter = new RowFormatter(writer, data.functionNames, data.phaseNames, data.header, data.columns);
  Atomics.store(ctl, CONTROL.state, STATE.ready);
  signal(ctl);
} catch (e) {
  fail(e);
}

parentPort!.on('message', (m: ToWriter) => {
  if (Atomics.load(ctl, CONTROL.state) !== STATE.ready || writer === null || formatter === null) return;
  try {
    if (m.type === 'batch') {
      formatter.addStrings(m.strings, m.reset);
      formatter.format(ring[m.slot]!, m.rows);
      Atomics.add(ctl, CONTROL.written, 1);
      signal(ctl);
    } else if (m.type === 'carry') {
      // Sent before the first batch, when nothing has been written here yet.
      gzip!.write(m.bytes, m.bytes.length);
    } else {
      writer.flush();
      gzip?.finish();
      Atomics.store(ctl, CONTROL.state, STATE.closed);
      signal(ctl);
      parentPort!.close();
    }
  } catch (e) {
    fail(e);
  }
});
