// The writer thread's entry (bin/csv-worker.mjs, plain JavaScript) reports a failure to load its
// module with the protocol's own slots and states, handed to it in workerData: the simulation
// thread learns at once, instead of waiting for the start timeout.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { CONTROL, STATE } from '../../../src/metrics/invocation-rows/thread-protocol.ts';

describe('bin/csv-worker.mjs', () => {
  it('reports a module that fails to load through the control block and the port', async () => {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL.size * 4));
    const { port1, port2 } = new MessageChannel();
    // No ring: the writer module throws as it loads, before it could report anything itself.
    const workerData = { control: control.buffer, port: port2, ring: null, protocol: { control: CONTROL, state: STATE } };
    const worker = new Worker(new URL(pathToFileURL(join(import.meta.dirname, '../../../bin/csv-worker.mjs'))), {
      workerData,
      transferList: [port2],
    });
    try {
      for (let waited = 0; Atomics.load(control, CONTROL.state) === STATE.booting && waited < 60_000; waited += 20) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(Atomics.load(control, CONTROL.state)).toBe(STATE.failed);
      expect(Atomics.load(control, CONTROL.seq)).toBe(1);
      const m = receiveMessageOnPort(port1)?.message as { message: string } | undefined;
      expect(m?.message).toMatch(/^the writer thread did not start: .*(null|map)/);
    } finally {
      port1.close();
      await worker.terminate();
    }
  });
});
