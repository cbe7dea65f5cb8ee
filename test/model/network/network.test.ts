import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../src/engine/simulator.ts';
import { Network } from '../../../src/model/network/network.ts';
import { maxMinRates, type MaxMinFlow } from '../../../src/model/network/maxmin.ts';

const GBPS = 1e9;
/** 1 Gb/s = 125 bytes/us. */
const nic = (gbps: number, latencyUs = 0) => ({ bitsPerSec: gbps * GBPS, latencyUs });
const noLatencyFabric = { fabric: { bitsPerSec: Infinity, latencyUs: 0 } };

function twoNodes(gbps = 1) {
  const sim = new Simulator();
  const net = new Network(sim, noLatencyFabric);
  const a = net.addNode('a', nic(gbps));
  const b = net.addNode('b', nic(gbps));
  return { sim, net, a, b };
}

describe('max-min progressive filling', () => {
  it('splits one link equally', () => {
    const flows: MaxMinFlow[] = [
      { links: [0], cap: Infinity, rate: 0 },
      { links: [0], cap: Infinity, rate: 0 },
    ];
    maxMinRates(flows, [100], [], []);
    expect(flows.map((f) => f.rate)).toEqual([50, 50]);
  });

  it('three flows on two links: the bottlenecked link frees capacity for the other', () => {
    // Link 0 (cap 100) carries A and B; link 1 (cap 30) carries B and C. Link 1 is the bottleneck:
    // B = C = 15; A then takes what B leaves on link 0: 85.
    const A: MaxMinFlow = { links: [0], cap: Infinity, rate: 0 };
    const B: MaxMinFlow = { links: [0, 1], cap: Infinity, rate: 0 };
    const C: MaxMinFlow = { links: [1], cap: Infinity, rate: 0 };
    maxMinRates([A, B, C], [100, 30], [], []);
    expect(B.rate).toBeCloseTo(15, 9);
    expect(C.rate).toBeCloseTo(15, 9);
    expect(A.rate).toBeCloseTo(85, 9);
  });

  it('a per-flow cap acts as a private bottleneck', () => {
    const A: MaxMinFlow = { links: [0], cap: 10, rate: 0 };
    const B: MaxMinFlow = { links: [0], cap: Infinity, rate: 0 };
    maxMinRates([A, B], [100], [], []);
    expect(A.rate).toBe(10);
    expect(B.rate).toBe(90);
  });
});

describe('network flows', () => {
  it('two concurrent flows through one NIC each get half the bandwidth', () => {
    const { sim, net, a, b } = twoNodes(1);
    const c = net.addNode('c', nic(1));
    const done: Record<number, number> = {};
    const f1 = net.startFlow(a, b, 125_000, (tok) => (done[tok] = sim.now), 1);
    const f2 = net.startFlow(a, c, 125_000, (tok) => (done[tok] = sim.now), 2);
    expect(net.rateBitsPerSec(f1)).toBeCloseTo(0.5 * GBPS, 3);
    expect(net.rateBitsPerSec(f2)).toBeCloseTo(0.5 * GBPS, 3);
    sim.run();
    // 125 kB at 62.5 B/us = 2000 us each (alone it would be 1000 us).
    expect(done).toEqual({ 1: 2000, 2: 2000 });
  });

  it('a flow started midway re-rates the others', () => {
    const { sim, net, a, b } = twoNodes(1);
    const done: number[] = [];
    net.startFlow(a, b, 125_000, () => done.push(sim.now)); // alone: 1000 us
    sim.schedule(
      500,
      sim.register('t/start', () => {
        net.startFlow(a, b, 125_000, () => done.push(sim.now));
      }),
      0,
    );
    sim.run();
    // At 500 the first has 62.5 kB left; shared at 62.5 B/us it ends at 1500. The second then has
    // 62.5 kB left alone at 125 B/us: ends at 2000.
    expect(done).toEqual([1500, 2000]);
    // The start, two drains and two deliveries: the drain planned for 1000 before the second flow
    // started was moved, not left in the queue to be skipped.
    expect(sim.processed).toBe(5);
  });

  it('adds the path latency (NICs + fabric) after the last byte is sent', () => {
    const sim = new Simulator();
    const net = new Network(sim, { fabric: { bitsPerSec: Infinity, latencyUs: 20 } });
    const a = net.addNode('a', nic(1, 5));
    const b = net.addNode('b', nic(1, 5));
    let at = -1;
    net.startFlow(a, b, 1000, () => (at = sim.now)); // 8 us on the wire + 30 us
    expect(net.pathLatencyUs(a, b)).toBe(30);
    sim.run();
    expect(at).toBe(38);
  });

  it('a finite fabric is shared by flows between different node pairs', () => {
    const sim = new Simulator();
    const net = new Network(sim, { fabric: { bitsPerSec: 1 * GBPS, latencyUs: 0 } });
    const n = [0, 1, 2, 3].map((i) => net.addNode(`n${i}`, nic(10)));
    const f1 = net.startFlow(n[0]!, n[1]!, 1e6, () => {});
    const f2 = net.startFlow(n[2]!, n[3]!, 1e6, () => {});
    expect(net.rateBitsPerSec(f1)).toBeCloseTo(0.5 * GBPS, 3);
    expect(net.rateBitsPerSec(f2)).toBeCloseTo(0.5 * GBPS, 3);
  });

  it('delivers to an event (kind, target, arg) as well as to a listener', () => {
    const { sim, net, a, b } = twoNodes(1);
    const got: [number, number, number][] = [];
    const kind = sim.register('t/arrived', (target, arg) => got.push([sim.now, target, arg]));
    net.startFlowEvent(a, b, 125, kind, 7, 9);
    sim.run();
    expect(got).toEqual([[1, 7, 9]]);
  });

  it('a zero-byte flow costs only the latency; same-node flows skip the NIC', () => {
    const { sim, net, a, b } = twoNodes(1);
    const times: number[] = [];
    net.startFlow(a, b, 0, () => times.push(sim.now));
    const local = net.startFlow(a, a, 1e6, () => times.push(sim.now));
    expect(net.rateBitsPerSec(local)).toBeCloseTo(80 * GBPS, 0);
    sim.run();
    expect(times).toEqual([0, 100]);
  });

  it('never exceeds a link capacity under random flow churn', () => {
    const sim = new Simulator();
    const net = new Network(sim, { fabric: { bitsPerSec: 3 * GBPS, latencyUs: 10 } });
    const nodes = [1, 2, 5, 10, 1, 2].map((g, i) => net.addNode(`n${i}`, nic(g, 5)));
    let seed = 12345;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let finished = 0;
    const check = (): void => {
      for (let l = 0; l < net.linkCount; l++) {
        expect(net.linkLoadBitsPerSec(l)).toBeLessThanOrEqual(net.linkBitsPerSec(l) * (1 + 1e-9));
      }
    };
    const kind = sim.register('t/churn', () => {
      const s = Math.floor(rnd() * nodes.length);
      let d = Math.floor(rnd() * nodes.length);
      if (d === s) d = (d + 1) % nodes.length;
      const cap = rnd() < 0.3 ? { capBitsPerSec: 0.2 * GBPS } : {};
      net.startFlow(
        s,
        d,
        Math.floor(rnd() * 2e6),
        () => {
          finished++;
          check();
        },
        0,
        cap,
      );
      check();
    });
    for (let i = 0; i < 300; i++) sim.schedule(Math.floor(i * 97), kind, 0);
    sim.run();
    expect(finished).toBe(300);
    expect(net.activeFlows).toBe(0);
    // Work conservation: every byte sent was delivered.
    expect(net.flowsCompleted).toBe(300);
  });
});
