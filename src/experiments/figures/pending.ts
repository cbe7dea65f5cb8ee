// Figures whose model is still being built. Each is a named placeholder so `sim figures` lists
// it and explains what it waits for; replacing one is a single module (a Figure) in registry.ts.
import type { Figure, FigureData } from './types.ts';

function pending(name: string, title: string, waitsFor: string): Figure {
  return {
    name,
    title,
    unavailable: waitsFor,
    build: (): Promise<FigureData> => Promise.reject(new Error(`${name}: not available yet: ${waitsFor}`)),
  };
}

/** Transfer latency vs payload size per method (inline, S3, ElastiCache, XDT), STeLLAR points as reference. */
export const transferLatency = pending(
  'transfer-latency',
  'Transfer latency vs payload size per method (inline, S3, ElastiCache, XDT)',
  'needs the transfer model (issue 6)',
);

/** Workflow latency and cost per transfer method. */
export const workflowCost = pending('workflow-cost', 'Workflow latency and cost per transfer method', 'needs the transfer model (issue 6)');
