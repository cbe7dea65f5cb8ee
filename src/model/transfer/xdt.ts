// XDT direct transfers (Ustiugov et al., "Expedited Data Transfers for Serverless Clouds",
// arXiv 2309.14821, Zipline in its 2025 version): the sender's trusted component buffers the
// payload in the sender instance's memory and hands out a reference; the receiver, wherever the
// load balancer put it, pulls the bytes straight from the sender's node. Buffers expire after a
// timeout; broadcast objects serve several pulls and are released after the last one.
import type { Simulator } from '../../engine/simulator.ts';
import type { TransferCost } from './cost.ts';
import type { TransferDone, TransferOutcome } from './outcome.ts';
import type { TransferRunner } from './runner.ts';
import { PRIORITY } from '../event-priority.ts';

export type XdtReleaseReason = 'pulled' | 'expired';

export interface XdtListeners {
  /** The sender instance now holds `bytes` more (keep it alive, count the memory). */
  onBufferHeld?(instance: number, bytes: number, handle: number): void;
  /** The sender instance no longer holds these bytes. */
  onBufferReleased?(instance: number, bytes: number, handle: number, reason: XdtReleaseReason): void;
}

export interface XdtOptions {
  /** Size of the receiver's pull request to the sender's node (bytes): the reference hop. */
  readonly requestBytes?: number;
}

interface Buffer {
  readonly instance: number;
  readonly node: number;
  readonly bytes: number;
  readonly expected: number;
  readonly heldSinceUs: number;
  claimed: number;
  pulled: number;
  inFlight: number;
  /** `expired` stays `expired` after the memory is freed, so late pulls get the right reason. */
  state: 'live' | 'expired' | 'released';
  freed: boolean;
}

export class XdtBuffers {
  private readonly buffers = new Map<number, Buffer>();
  private nextHandle = 1;
  private readonly expiryKind: number;
  private readonly requestBytes: number;
  /** Bytes held in buffers right now, over all senders. */
  heldBytes = 0;
  private readonly perInstance = new Map<number, number>();
  expiredBuffers = 0;
  failedPulls = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly runner: TransferRunner,
    private readonly cost: TransferCost,
    private readonly listeners: XdtListeners = {},
    opts: XdtOptions = {},
  ) {
    this.requestBytes = opts.requestBytes ?? 256;
    this.expiryKind = sim.register('transfer/xdt-expiry', (handle) => this.onExpiry(handle));
  }

  /**
   * Buffers `bytes` in `senderInstance`'s memory on network node `node`, for `expectedPulls`
   * pulls (1 for pipeline/scatter, N for broadcast) or until `timeoutUs` passes. Returns the
   * reference the sender passes to its receivers. Calls onBufferHeld before returning.
   */
  put(senderInstance: number, node: number, bytes: number, expectedPulls: number, timeoutUs: number): number {
    if (!(bytes >= 0) || !(expectedPulls >= 1) || !Number.isInteger(expectedPulls) || !(timeoutUs > 0)) {
      throw new RangeError(`xdt put: bytes ${bytes}, pulls ${expectedPulls}, timeout ${timeoutUs} us`);
    }
    this.runner.network.nicLinks(node); // fails loudly on an unknown node
    const handle = this.nextHandle++;
    this.buffers.set(handle, {
      instance: senderInstance,
      node,
      bytes,
      expected: expectedPulls,
      heldSinceUs: this.sim.now,
      claimed: 0,
      pulled: 0,
      inFlight: 0,
      state: 'live',
      freed: false,
    });
    this.heldBytes += bytes;
    this.perInstance.set(senderInstance, (this.perInstance.get(senderInstance) ?? 0) + bytes);
    this.sim.schedule(this.sim.now + Math.ceil(timeoutUs), this.expiryKind, handle, 0, PRIORITY.xdtExpiry);
    this.listeners.onBufferHeld?.(senderInstance, bytes, handle);
    return handle;
  }

  /**
   * Pulls the buffer to `receiverNode`: phase `reference` (the pull request travels to the sender's
   * node) then phase `pull` (one flow sender node -> receiver node). Fails with `expired` after
   * the timeout, `released` once all expected pulls have been claimed, `unknown-handle` otherwise.
   */
  pull(handle: number, receiverNode: number, done: TransferDone): void {
    const b = this.buffers.get(handle);
    const reason = !b ? 'unknown-handle' : b.state === 'expired' ? 'expired' : b.state === 'released' || b.claimed >= b.expected ? 'released' : null;
    if (reason !== null) {
      this.failedPulls++;
      const detail =
        reason === 'expired'
          ? `XDT buffer ${handle} expired before this pull`
          : reason === 'released'
            ? `XDT buffer ${handle} already served its ${b!.expected} pull(s)`
            : `no XDT buffer ${handle}`;
      this.runner.fail('xdt', 'pull', b?.bytes ?? 0, reason, detail, done);
      return;
    }
    const buf = b!;
    buf.claimed++;
    buf.inFlight++;
    this.runner.run(
      'xdt',
      'pull',
      buf.bytes,
      [
        { phase: 'reference', flow: { src: receiverNode, dst: buf.node, bytes: this.requestBytes } },
        { phase: 'pull', flow: { src: buf.node, dst: receiverNode, bytes: buf.bytes } },
      ],
      (o: TransferOutcome) => {
        buf.inFlight--;
        buf.pulled++;
        // A pull that began before expiry completes (the buffer is pinned while it is read).
        if (buf.pulled >= buf.expected) this.release(handle, buf, 'pulled');
        else if (buf.state === 'expired' && buf.inFlight === 0) this.release(handle, buf, 'expired');
        done(o);
      },
    );
  }

  /** Bytes `instance` holds in live buffers (0 if none): the platform must not reclaim it. */
  heldBy(instance: number): number {
    return this.perInstance.get(instance) ?? 0;
  }

  /** `live` (pullable), `expired` (timed out), `released` (all pulls served), or `unknown`. */
  stateOf(handle: number): 'live' | 'expired' | 'released' | 'unknown' {
    return this.buffers.get(handle)?.state ?? 'unknown';
  }

  /** Drops the record of a freed buffer (later pulls then fail `unknown-handle`). */
  forget(handle: number): void {
    const b = this.buffers.get(handle);
    if (b?.freed) this.buffers.delete(handle);
  }

  private onExpiry(handle: number): void {
    const b = this.buffers.get(handle);
    if (!b || b.state !== 'live') return; // released before its timeout
    b.state = 'expired';
    this.expiredBuffers++;
    if (b.inFlight === 0) this.release(handle, b, 'expired');
  }

  private release(handle: number, b: Buffer, reason: XdtReleaseReason): void {
    if (b.freed) return;
    b.freed = true;
    if (reason === 'pulled') b.state = 'released';
    this.heldBytes -= b.bytes;
    const left = (this.perInstance.get(b.instance) ?? 0) - b.bytes;
    if (left > 0) this.perInstance.set(b.instance, left);
    else this.perInstance.delete(b.instance);
    this.cost.addXdtBuffer(b.bytes, this.sim.now - b.heldSinceUs);
    // The record stays (a few numbers) so late pulls get a precise reason; forget() drops it.
    this.listeners.onBufferReleased?.(b.instance, b.bytes, handle, reason);
  }
}
