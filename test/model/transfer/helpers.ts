// A tiny datacenter for transfer tests: two worker nodes on the default network plus the services.
import { RandomStreams } from '../../../src/engine/random.ts';
import { Simulator } from '../../../src/engine/simulator.ts';
import { DEFAULT_NIC } from '../../../src/model/network/link.ts';
import { Network } from '../../../src/model/network/network.ts';
import type { TransferOutcome } from '../../../src/model/transfer/outcome.ts';
import { TransferServices, type TransferServicesOptions } from '../../../src/model/transfer/services.ts';

export function dc(opts: TransferServicesOptions = {}, seed = 1) {
  const sim = new Simulator();
  const net = new Network(sim);
  const a = net.addNode('a', DEFAULT_NIC);
  const b = net.addNode('b', DEFAULT_NIC);
  const c = net.addNode('c', DEFAULT_NIC);
  const svc = new TransferServices(sim, new RandomStreams(seed), net, opts);
  const outcomes: TransferOutcome[] = [];
  const record = (o: TransferOutcome): void => {
    outcomes.push(o);
  };
  return { sim, net, svc, a, b, c, outcomes, record };
}
