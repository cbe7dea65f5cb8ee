// A datacenter network as a fluid model: flows (src node, dst node, bytes) cross the sender's NIC
// egress, the fabric and the receiver's NIC ingress; concurrent flows share link bandwidth max-min
// fairly, recomputed whenever a flow starts or drains. Like a node's CPU, the whole network keeps
// one pending drain event (the earliest-finishing flow), a slot moved in place when rates change.
import type { Simulator } from '../../engine/simulator.ts';
import { bytesPerUs, DEFAULT_FABRIC, DEFAULT_LOOPBACK_BITS_PER_SEC, type LinkSpec } from './link.ts';
import { maxMinRates, type MaxMinFlow } from './maxmin.ts';
import { PRIORITY } from '../event-priority.ts';

/** Called once when a flow's last byte has arrived, with the token given at its start. */
export type FlowListener = (token: number, flowId: number) => void;

export interface FlowOptions {
  /** Per-flow throughput ceiling (bits/s), e.g. one TCP connection's or a service's limit. */
  readonly capBitsPerSec?: number;
  /** Extra one-way latency on top of the path's (us), e.g. a service's processing hop. */
  readonly extraLatencyUs?: number;
  /**
   * Relay node the bytes cross on the way (cut-through, e.g. the front-end carrying an inline
   * payload): the path is src -> via -> dst, using via's NIC both ways and the fabric twice.
   */
  readonly via?: number;
}

interface Flow extends MaxMinFlow {
  readonly id: number;
  readonly bytes: number;
  left: number;
  readonly latencyUs: number;
  readonly startUs: number;
  readonly listener: FlowListener | null;
  readonly token: number;
  readonly kind: number;
  readonly target: number;
  readonly arg: number;
  readonly priority: number;
}

export interface NetworkOptions {
  readonly fabric?: LinkSpec;
  readonly loopbackBitsPerSec?: number;
}

export class Network {
  private readonly capacity: number[] = [];
  private readonly latency: number[] = [];
  private readonly linkNames: string[] = [];
  private readonly egress: number[] = [];
  private readonly ingress: number[] = [];
  private readonly nodeNames: string[] = [];
  /** NIC latency of endpoints whose NIC has no bandwidth limit (no link to hold it). */
  private readonly infiniteNicLatency = new Map<number, number>();
  private readonly fabricLink: number; // -1 when the fabric is non-blocking
  private readonly fabricLatencyUs: number;
  private readonly loopbackCap: number;
  private readonly remaining: number[] = [];
  private readonly count: number[] = [];
  private active: Flow[] = [];
  private readonly byId = new Map<number, Flow>();
  /** Flows drained and waiting for their latency to elapse, by id. */
  private readonly delivering = new Map<number, Flow>();
  private nextId = 0;
  private lastUpdate = 0;
  private readonly drainKind: number;
  private readonly deliverKind: number;
  /** Bytes delivered by finished flows. */
  bytesDelivered = 0;
  flowsCompleted = 0;
  /** Rate recomputations (one per flow start or drain batch): a cost counter for benchmarks. */
  reallocations = 0;

  constructor(
    private readonly sim: Simulator,
    opts: NetworkOptions = {},
  ) {
    const fabric = opts.fabric ?? DEFAULT_FABRIC;
    this.fabricLatencyUs = fabric.latencyUs;
    this.fabricLink = Number.isFinite(fabric.bitsPerSec) ? this.addLink('fabric', fabric) : -1;
    this.loopbackCap = bytesPerUs(opts.loopbackBitsPerSec ?? DEFAULT_LOOPBACK_BITS_PER_SEC);
    // One slot: the network's next drain is one pending event, moved when rates change.
    this.drainKind = sim.registerSlots('network/drain', 1, () => this.onDrain());
    this.deliverKind = sim.register('network/deliver', (id) => this.onDeliver(id));
  }

  private addLink(name: string, spec: LinkSpec): number {
    if (!(spec.bitsPerSec > 0) || !(spec.latencyUs >= 0)) {
      throw new RangeError(`link ${name}: bandwidth must be > 0 and latency >= 0`);
    }
    this.capacity.push(bytesPerUs(spec.bitsPerSec));
    this.latency.push(spec.latencyUs);
    this.linkNames.push(name);
    this.remaining.push(0);
    this.count.push(0);
    return this.capacity.length - 1;
  }

  /**
   * Adds an endpoint with a full-duplex NIC and returns its network node id (0, 1, ... in order of
   * addition). Worker nodes, the front-end and storage services are all endpoints.
   */
  addNode(name: string, nic: LinkSpec): number {
    const id = this.nodeNames.length;
    this.nodeNames.push(name);
    this.egress.push(Number.isFinite(nic.bitsPerSec) ? this.addLink(`${name}/egress`, nic) : -1);
    this.ingress.push(Number.isFinite(nic.bitsPerSec) ? this.addLink(`${name}/ingress`, nic) : -1);
    // An infinite NIC still has a latency: keep it on a pseudo-entry.
    if (!Number.isFinite(nic.bitsPerSec)) this.infiniteNicLatency.set(id, nic.latencyUs);
    return id;
  }

  get nodeCount(): number {
    return this.nodeNames.length;
  }

  nodeName(node: number): string {
    return this.nodeNames[node] ?? `node#${node}`;
  }

  /** Link ids of a node's NIC (-1 for an infinite one). */
  nicLinks(node: number): { egress: number; ingress: number } {
    this.checkNode(node);
    return { egress: this.egress[node]!, ingress: this.ingress[node]! };
  }

  get linkCount(): number {
    return this.capacity.length;
  }

  linkName(link: number): string {
    return this.linkNames[link]!;
  }

  /** Capacity of a link (bits/s). */
  linkBitsPerSec(link: number): number {
    return this.capacity[link]! * 8e6;
  }

  /** Sum of the current rates of the flows crossing `link` (bits/s). */
  linkLoadBitsPerSec(link: number): number {
    let s = 0;
    for (const f of this.active) if (f.links.includes(link)) s += f.rate;
    return s * 8e6;
  }

  /** One-way latency from src to dst (us): NICs plus fabric; 0 on the same node. */
  pathLatencyUs(src: number, dst: number): number {
    if (src === dst) return 0;
    return this.nicLatency(src, 'egress') + this.fabricLatencyUs + this.nicLatency(dst, 'ingress');
  }

  private nicLatency(node: number, dir: 'egress' | 'ingress'): number {
    const l = dir === 'egress' ? this.egress[node]! : this.ingress[node]!;
    return l >= 0 ? this.latency[l]! : (this.infiniteNicLatency.get(node) ?? 0);
  }

  private pathLinks(src: number, dst: number): number[] {
    if (src === dst) return [];
    const links: number[] = [];
    if (this.egress[src]! >= 0) links.push(this.egress[src]!);
    if (this.fabricLink >= 0) links.push(this.fabricLink);
    if (this.ingress[dst]! >= 0) links.push(this.ingress[dst]!);
    return links;
  }

  private checkNode(node: number): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodeNames.length) {
      throw new RangeError(`unknown network node ${node}`);
    }
  }

  /** Starts a flow that calls `listener(token, flowId)` when its last byte arrives. Returns its id. */
  startFlow(src: number, dst: number, bytes: number, listener: FlowListener, token = 0, opts: FlowOptions = {}): number {
    return this.start(src, dst, bytes, opts, listener, token, -1, 0, 0, 0);
  }

  /** Starts a flow that schedules the event (kind, target, arg) at `priority` when it arrives. */
  startFlowEvent(src: number, dst: number, bytes: number, kind: number, target: number, arg = 0, priority = PRIORITY.network, opts: FlowOptions = {}): number {
    return this.start(src, dst, bytes, opts, null, 0, kind, target, arg, priority);
  }

  private start(
    src: number,
    dst: number,
    bytes: number,
    opts: FlowOptions,
    listener: FlowListener | null,
    token: number,
    kind: number,
    target: number,
    arg: number,
    priority: number,
  ): number {
    this.checkNode(src);
    this.checkNode(dst);
    if (!(bytes >= 0) || !Number.isFinite(bytes)) throw new RangeError(`flow size must be a finite number >= 0, got ${bytes}`);
    const capBps = opts.capBitsPerSec ?? Infinity;
    if (!(capBps > 0)) throw new RangeError(`flow cap must be > 0 bits/s, got ${capBps}`);
    const via = opts.via;
    if (via !== undefined) this.checkNode(via);
    const links = via === undefined ? this.pathLinks(src, dst) : [...this.pathLinks(src, via), ...this.pathLinks(via, dst)];
    const pathLatency = via === undefined ? this.pathLatencyUs(src, dst) : this.pathLatencyUs(src, via) + this.pathLatencyUs(via, dst);
    const cap = Math.min(bytesPerUs(capBps), links.length === 0 ? this.loopbackCap : Infinity);
    const id = this.nextId++;
    const f: Flow = {
      id,
      links,
      // A flow crossing no finite link (same node, or two unlimited endpoints on a non-blocking
      // fabric) is bounded by a memory copy.
      cap,
      rate: 0,
      bytes,
      left: bytes,
      latencyUs: pathLatency + (opts.extraLatencyUs ?? 0),
      startUs: this.sim.now,
      listener,
      token,
      kind,
      target,
      arg,
      priority,
    };
    this.byId.set(id, f);
    if (bytes === 0) {
      // Nothing to drain: only the latency.
      this.deliver(f);
      return id;
    }
    this.advance();
    this.active.push(f);
    this.reallocate();
    return id;
  }

  /** Current rate of an active flow (bits/s); 0 once drained or unknown. */
  rateBitsPerSec(flowId: number): number {
    const f = this.byId.get(flowId);
    return f && this.active.includes(f) ? f.rate * 8e6 : 0;
  }

  /** Bytes a flow still has to send (0 once drained). */
  bytesLeft(flowId: number): number {
    const f = this.byId.get(flowId);
    if (!f) return 0;
    this.advance();
    return Math.max(0, f.left);
  }

  get activeFlows(): number {
    return this.active.length;
  }

  private advance(): void {
    const now = this.sim.now;
    const dt = now - this.lastUpdate;
    this.lastUpdate = now;
    if (dt <= 0) return;
    for (const f of this.active) f.left -= f.rate * dt;
  }

  private reallocate(): void {
    this.reallocations++;
    const flows = this.active;
    if (flows.length === 0) {
      this.sim.clearSlot(this.drainKind, 0);
      return;
    }
    maxMinRates(flows, this.capacity, this.remaining, this.count);
    let soonest = Infinity;
    for (const f of flows) {
      const t = f.left <= doneSlack(f) ? 0 : f.left / f.rate;
      if (t < soonest) soonest = t;
    }
    // Integer-us clock: round up, so a flow never arrives before its bytes have been sent.
    const at = Math.max(this.sim.now, Math.ceil(this.sim.now + soonest - 1e-9));
    this.sim.setSlot(this.drainKind, 0, at, PRIORITY.network);
  }

  private onDrain(): void {
    this.advance();
    const keep: Flow[] = [];
    const done: Flow[] = [];
    for (const f of this.active) (f.left <= doneSlack(f) ? done : keep).push(f);
    this.active = keep;
    this.reallocate();
    for (const f of done) {
      f.left = 0;
      this.deliver(f);
    }
  }

  private deliver(f: Flow): void {
    this.delivering.set(f.id, f);
    // Drained now; the last byte arrives one path latency later. An event even at latency 0, so
    // listeners never run inside startFlow().
    this.sim.schedule(this.sim.now + Math.ceil(f.latencyUs), this.deliverKind, f.id, 0, PRIORITY.network);
  }

  private onDeliver(id: number): void {
    const f = this.delivering.get(id)!;
    this.delivering.delete(id);
    this.byId.delete(id);
    this.bytesDelivered += f.bytes;
    this.flowsCompleted++;
    if (f.listener) f.listener(f.token, f.id);
    else this.sim.schedule(this.sim.now, f.kind, f.target, f.arg, f.priority);
  }
}

/** Bytes below which a flow counts as drained: absorbs float error, never model time. */
function doneSlack(f: Flow): number {
  return 1e-9 * f.bytes + 1e-6;
}
