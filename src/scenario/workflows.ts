// Builds the workflow side of a simulation: the network over the fleet's NICs, the transfer
// services (front-end, S3, cache, XDT), the workflow specs and their engine, wired to the platform.
import type { RandomStreams } from '../engine/random.ts';
import type { Simulator } from '../engine/simulator.ts';
import { parseBandwidth, parseDuration } from '../engine/units.ts';
import type { FunctionSpec } from '../model/function.ts';
import type { NodeSpec, Platform } from '../model/platform.ts';
import { Network } from '../model/network/network.ts';
import { TransferServices } from '../model/transfer/services.ts';
import { WorkflowEngine } from '../model/workflow/engine.ts';
import type { BuiltWorkflows } from '../model/workflow/built.ts';
import type { WorkflowSpec } from '../model/workflow/spec.ts';
import { buildPayload } from './distributions.ts';
import type { ResolvedScenario } from './schema.ts';

export function buildWorkflowSpecs(s: ResolvedScenario, functions: readonly FunctionSpec[]): WorkflowSpec[] {
  const fnIndex = new Map(functions.map((f, i) => [f.name, i]));
  return s.workflows.map((wf) => {
    const stageIndex = new Map(wf.stages.map((st, k) => [st.name, k]));
    return {
      name: wf.name,
      stages: wf.stages.map((st) => ({
        name: st.name,
        fn: fnIndex.get(st.function)!,
        fanout: st.fanout,
        after: st.after.map((a) => stageIndex.get(a)!),
        pattern: st.pattern,
        payload: buildPayload(st.payload),
        consumers: wf.stages.flatMap((o, k) => (o.after.includes(st.name) ? [k] : [])),
      })),
    };
  });
}

export function buildWorkflows(
  s: ResolvedScenario,
  sim: Simulator,
  rng: RandomStreams,
  platform: Platform,
  functions: readonly FunctionSpec[],
  nodes: readonly NodeSpec[],
): BuiltWorkflows {
  const network = new Network(sim);
  // Network node ids must equal platform node indices: add the workers first, in order.
  nodes.forEach((n, i) => {
    const nic = parseBandwidth(s.fleet.nodes[n.group]!.nic);
    network.addNode(`node-${i}`, { bitsPerSec: nic, latencyUs: 5 });
  });
  let engine: WorkflowEngine | null = null;
  const services = new TransferServices(sim, rng, network, {
    provider: s.transfers.provider,
    xdt: {
      onBufferReleased: (inst, bytes, handle, reason) => {
        if (reason === 'expired') engine!.onBufferExpired(inst, bytes, handle);
        // Every expected pull is done: no late pull can come, so the record can go (bounded
        // memory); expired records stay so a late pull gets the right reason.
        else services.xdt.forget(handle);
        platform.recheckHold(inst);
      },
    },
  });
  engine = new WorkflowEngine(sim, rng, platform, services, buildWorkflowSpecs(s, functions), {
    method: s.transfers.method,
    xdtTimeoutUs: parseDuration(s.transfers.xdtTimeout),
    xdtExpired: s.transfers.xdtExpired,
  });
  platform.attachWorkflows(engine);
  return { engine, services, network };
}
