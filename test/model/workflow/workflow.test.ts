// Workflows through the scheduler: data dependencies of each pattern, transfer methods' limits,
// XDT senders kept alive until their data is pulled, and expiry fallbacks.
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../../../src/scenario/build.ts';
import { simulate } from '../../../src/simulate.ts';
import type { Invocation } from '../../../src/model/invocation.ts';
import { scenario } from '../../helpers.ts';

type Stage = Record<string, unknown>;

function wfScenario(stages: Stage[], transfers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return scenario({
    duration: '10s',
    fleet: { nodes: [{ count: 4, cores: 16, memory: '32GiB' }] },
    functions: [
      { name: 'p', memory: '512MiB', execution: '100ms', coldStart: '200ms' },
      { name: 'w', memory: '512MiB', execution: { uniform: { min: '50ms', max: '900ms' } }, coldStart: '200ms' },
      { name: 'c', memory: '512MiB', execution: '20ms', coldStart: '200ms' },
    ],
    workflows: [{ name: 'wf', stages }],
    transfers,
    workload: [{ fixed: { workflow: 'wf', interval: '1h' } }],
    ...extra,
  });
}

/** Runs to the end and returns every invocation by function name, with their times. */
function trace(s: ReturnType<typeof scenario>) {
  const b = buildSimulation(s, { invocationsPath: null });
  const seen: Invocation[] = [];
  const ended = b.recorder.ended.bind(b.recorder);
  b.recorder.ended = (inv, now) => {
    seen.push(inv);
    ended(inv, now);
  };
  b.sim.run(60_000_000);
  const by = (name: string) => seen.filter((i) => b.functions[i.fn]!.name === name);
  return { b, by };
}

describe('workflow patterns', () => {
  it('scatter then gather: the gather stage starts only after every input arrived', () => {
    const { b, by } = trace(
      wfScenario(
        [
          { name: 'a', function: 'p' },
          { name: 'b', function: 'w', after: ['a'], pattern: 'scatter', fanout: 5, payload: '1MB' },
          { name: 'g', function: 'c', after: ['b'], pattern: 'gather', payload: '10KB' },
        ],
        { method: 'xdt' },
      ),
    );
    const workers = by('w');
    const gather = by('c');
    expect(workers).toHaveLength(5);
    expect(gather).toHaveLength(1);
    const lastWorker = Math.max(...workers.map((i) => i.end));
    expect(gather[0]!.arrival).toBeGreaterThan(lastWorker);
    expect(new Set(workers.map((i) => i.end)).size).toBeGreaterThan(1); // they did finish apart
    expect(b.workflows!.engine.stats[0]!.completedRuns).toBe(1);
  });

  it('broadcast stores one object for N receivers; scatter stores N', () => {
    const count = (pattern: string) => {
      const { b } = trace(
        wfScenario(
          [
            { name: 'a', function: 'p' },
            { name: 'b', function: 'w', after: ['a'], pattern, fanout: 4, payload: '1MB' },
          ],
          { method: 's3' },
        ),
      );
      const c = b.workflows!.services.cost;
      return [c.s3Puts, c.s3Gets];
    };
    expect(count('broadcast')).toEqual([1, 4]);
    expect(count('scatter')).toEqual([4, 4]);
  });
});

describe('transfer methods', () => {
  const chain = (payload: string) => [
    { name: 'a', function: 'p' },
    { name: 'b', function: 'c', after: ['a'], payload },
  ];

  it('inline over the provider limit fails the run with the reason; S3 and XDT carry 1 GB', async () => {
    const inline = await simulate(wfScenario(chain('7MB'), { method: 'inline', provider: 'aws-lambda-2021' }));
    const w = (inline.summary.workflows as { byWorkflow: Record<string, { failed: Record<string, number>; completed: number }> }).byWorkflow.wf!;
    expect(w.completed).toBe(0);
    expect(w.failed).toEqual({ 'inline-over-limit': 1 });
    expect((inline.summary.invocations as { failed: { byReason: Record<string, number> } }).failed.byReason).toEqual({ 'inline-over-limit': 1 });
    const ok = await simulate(wfScenario(chain('5MB'), { method: 'inline', provider: 'aws-lambda-2021' }));
    expect((ok.summary.workflows as { byWorkflow: Record<string, { completed: number }> }).byWorkflow.wf!.completed).toBe(1);
    const big = {
      functions: [
        { name: 'p', memory: '2GiB', execution: '100ms', coldStart: '200ms' },
        { name: 'w', memory: '512MiB', execution: '10ms' },
        { name: 'c', memory: '2GiB', execution: '20ms', coldStart: '200ms' },
      ],
    };
    for (const method of ['s3', 'xdt']) {
      const r = await simulate(wfScenario(chain('1GB'), { method }, big));
      const wf = (r.summary.workflows as { byWorkflow: Record<string, { completed: number; meanTimePerRunMs: { transfer: number } }> }).byWorkflow.wf!;
      expect(wf.completed, method).toBe(1);
      expect(wf.meanTimePerRunMs.transfer, method).toBeGreaterThan(800); // 1 GB at <= 10 Gb/s
    }
  });
});

describe('XDT buffers and keep-alive', () => {
  it('buffers count against the sender instance memory: a 1 GB object does not fit in 512 MiB', async () => {
    const r = await simulate(
      wfScenario(
        [
          { name: 'a', function: 'p' },
          { name: 'b', function: 'c', after: ['a'], payload: '1GB' },
        ],
        { method: 'xdt' },
      ),
    );
    const w = (r.summary.workflows as { byWorkflow: Record<string, { failed: Record<string, number> }> }).byWorkflow.wf!;
    expect(w.failed).toEqual({ 'xdt-buffer-over-memory': 1 });
  });

  // The consumer's cold start (2 s) is longer than the producer's keep-alive (none): only the
  // unpulled buffer keeps the producer alive.
  const stages = [
    { name: 'a', function: 'p' },
    { name: 'b', function: 'c', after: ['a'], payload: '4MB' },
  ];
  const slowConsumer = {
    policies: { keepAlive: 'none' },
    functions: [
      { name: 'p', memory: '512MiB', execution: '100ms', coldStart: '200ms' },
      { name: 'w', memory: '512MiB', execution: '10ms' },
      { name: 'c', memory: '512MiB', execution: '20ms', coldStart: '2s' },
    ],
  };

  it('keeps the sender alive until the receiver pulls, then releases the buffer and the instance', () => {
    const { b, by } = trace(wfScenario(stages, { method: 'xdt', xdtTimeout: '1m' }, slowConsumer));
    const producer = by('p')[0]!;
    const consumer = by('c')[0]!;
    expect(consumer.outcome).toBe('completed');
    expect(b.workflows!.engine.stats[0]!.completedRuns).toBe(1);
    // Torn down only after the pull (keep-alive none would have killed it at producer.end).
    expect(b.recorder.teardowns.get('keepalive')).toBe(2);
    expect(b.workflows!.services.xdt.heldBytes).toBe(0);
    expect(consumer.computeStart).toBeGreaterThan(producer.end + 2_000_000);
    expect(b.platform.getInstance(producer.instance)).toBeUndefined();
  });

  it('an expired buffer fails the receiver, or is read from its S3 spill when configured', async () => {
    const fail = await simulate(wfScenario(stages, { method: 'xdt', xdtTimeout: '500ms' }, slowConsumer));
    const f = (fail.summary.workflows as { byWorkflow: Record<string, { failed: Record<string, number>; completed: number }> }).byWorkflow.wf!;
    expect(f.completed).toBe(0);
    expect(f.failed).toEqual({ 'input-expired': 1 });
    const spill = await simulate(wfScenario(stages, { method: 'xdt', xdtTimeout: '500ms', xdtExpired: 's3' }, slowConsumer));
    const sp = spill.summary.workflows as { byWorkflow: Record<string, { completed: number }>; transferBillUSD: { s3Requests: number } };
    expect(sp.byWorkflow.wf!.completed).toBe(1);
    expect(sp.transferBillUSD.s3Requests).toBeGreaterThan(0);
  });
});
