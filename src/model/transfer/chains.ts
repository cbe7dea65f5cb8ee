// STeLLAR-style producer -> consumer chains (IISWC'21): the producer hands a payload to the
// consumer by one method and the latency runs from the producer's send to the consumer having the
// payload (including the invocation hop). Chains run one after another, without contention.
import { RandomStreams } from '../../engine/random.ts';
import { Simulator } from '../../engine/simulator.ts';
import { DEFAULT_NIC } from '../network/link.ts';
import { Network } from '../network/network.ts';
import type { TransferDone, TransferOutcome } from './outcome.ts';
import type { ProviderName } from './providers.ts';
import { TransferServices } from './services.ts';

export type ChainKind = 'inline' | 's3' | 'elasticache' | 'xdt';

/** End-to-end latencies (us) of `repetitions` chains of `bytes` by `kind`. */
export function simulateChain(kind: ChainKind, provider: ProviderName, bytes: number, repetitions: number, seed: number): number[] {
  const sim = new Simulator();
  const net = new Network(sim);
  const producer = net.addNode('producer', DEFAULT_NIC);
  const consumer = net.addNode('consumer', DEFAULT_NIC);
  const svc = new TransferServices(sim, new RandomStreams(seed), net, { provider });
  const out: number[] = [];
  let start = 0;
  const must =
    (next: () => void): TransferDone =>
    (o: TransferOutcome) => {
      if (!o.ok) throw new Error(`chain ${kind} ${bytes} B failed: ${o.detail}`);
      next();
    };
  const finish = (): void => {
    out.push(sim.now - start);
    if (out.length < repetitions) begin();
  };
  const begin = (): void => {
    start = sim.now;
    const key = `chain-${out.length}`;
    switch (kind) {
      case 's3':
        svc.s3.put(
          producer,
          key,
          bytes,
          must(() =>
            svc.invoke.hop(
              must(() =>
                svc.s3.get(
                  consumer,
                  key,
                  must(() => (svc.s3.delete(key), finish())),
                ),
              ),
            ),
          ),
        );
        return;
      case 'elasticache':
        svc.cache.put(
          producer,
          key,
          bytes,
          must(() =>
            svc.invoke.hop(
              must(() =>
                svc.cache.get(
                  consumer,
                  key,
                  must(() => (svc.cache.delete(key), finish())),
                ),
              ),
            ),
          ),
        );
        return;
      case 'xdt': {
        const handle = svc.xdt.put(0, producer, bytes, 1, 600_000_000);
        svc.invoke.hop(must(() => svc.xdt.pull(handle, consumer, must(finish))));
        return;
      }
      case 'inline':
        svc.inline.send(
          producer,
          consumer,
          bytes,
          must(() => svc.invoke.hop(must(finish))),
        );
    }
  };
  begin();
  sim.run();
  return out;
}
