// The body of a sweep worker thread: runs each task it is sent and replies. The main thread
// sends the next task only after a reply, so tasks never overlap in one worker.
import { parentPort } from 'node:worker_threads';
import type { RunTask, WorkerReply } from './messages.ts';
import { runOne } from './run-one.ts';
import { serializeError } from '../input/thread-error.ts';

const port = parentPort;
if (!port) throw new Error('run-worker.ts must run in a worker thread');

const reply = (m: WorkerReply) => port.postMessage(m);

port.on('message', async (task: RunTask) => {
  try {
    await runOne(task, (fraction) => reply({ type: 'progress', index: task.index, fraction }));
    reply({ type: 'done', index: task.index });
  } catch (e) {
    reply({ type: 'error', index: task.index, error: serializeError(e) });
  }
});
