// The body of a cell worker thread: runs each cell it is sent into its folder and replies. A
// worker reads a scenario's trace sources once and keeps them for the next cell of the same run,
// so each cell streams only its functions from data already in memory.
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../input/thread-error.ts';
import { loadTraces } from '../scenario/traces.ts';
import type { CellReply, CellTask } from './messages.ts';
import { cellPlan, runCell, type CellPlan } from './run-cell.ts';

const port = parentPort;
if (!port) throw new Error('cells/worker.ts must run in a worker thread');

const reply = (m: CellReply) => port.postMessage(m);
let cached: { key: string; plan: CellPlan } | null = null;

port.on('message', async (task: CellTask) => {
  try {
    const key = JSON.stringify(task.scenario);
    if (cached?.key !== key) {
      cached = null; // the previous run's traces can go before the next are read
      cached = { key, plan: cellPlan(task.scenario, await loadTraces(task.scenario)) };
    }
    const steps = runCell(cached.plan, task.cell, task.dir, true, (p) =>
      reply({ type: 'progress', cell: task.cell, simTimeUs: p.simTimeUs, events: p.events, arrivals: p.arrivals }),
    );
    while (!steps.next().done);
    reply({ type: 'done', cell: task.cell });
  } catch (e) {
    reply({ type: 'error', cell: task.cell, error: serializeError(e) });
  }
});
