// The workflow side of one simulation as scenario/workflows.ts builds it: the engine that runs the
// workflows, the transfer services and the network. Lives in model/ so metrics can summarise it
// without importing scenario/ (which imports metrics' recorder).
import type { Network } from '../network/network.ts';
import type { TransferServices } from '../transfer/services.ts';
import type { WorkflowEngine } from './engine.ts';

export interface BuiltWorkflows {
  readonly engine: WorkflowEngine;
  readonly services: TransferServices;
  readonly network: Network;
}
