// The body of a cell worker thread: runs each cell it is sent into its folder and replies. A cell
// comes whole, its part of every trace included (read once, by the thread that started the run),
// so a worker holds only its cell's data.
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../input/thread-error.ts';
import type { CellReply, CellTask } from './messages.ts';
import { jobFromData, runCell } from './run-cell.ts';

const port = parentPort;
if (!port) throw new Error('cells/worker.ts must run in a worker thread');

const reply = (m: CellReply) => port.postMessage(m);
port.on('message', (task: CellTask) => {
  const cell = task.job?.index ?? -1;
  try {
    const steps = runCell(jobFromData(task.job), task.dir, true, (p) =>
      reply({ type: 'progress', cell, simTimeUs: p.simTimeUs, events: p.events, arrivals: p.arrivals }),
    );
    let r = steps.next();
    while (!r.done) r = steps.next();
    reply({ type: 'done', cell, policyNames: r.value.policyNames });
  } catch (e) {
    reply({ type: 'error', cell, error: serializeError(e) });
  }
});
