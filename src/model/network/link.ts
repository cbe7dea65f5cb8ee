// Network links as the fluid model sees them: a capacity (bytes/us) shared by the flows that cross
// it, and a one-way latency added to every flow that crosses it. Node NICs are two links (egress,
// ingress: full duplex); the datacenter fabric is one aggregate link.

export interface LinkSpec {
  /** Capacity in bits per second (Infinity: never a bottleneck). */
  readonly bitsPerSec: number;
  /** One-way latency added to a flow crossing the link (us). */
  readonly latencyUs: number;
}

/** Bits per second -> bytes per microsecond, the unit flows are computed in. */
export function bytesPerUs(bitsPerSec: number): number {
  return bitsPerSec / 8 / 1e6;
}

/**
 * Defaults (a choice, documented in docs/transfers.md): a 10 Gb/s NIC (the design's example fleet)
 * with 5 us per NIC traversal, and a non-blocking fabric (full bisection bandwidth, as in a
 * Clos/fat-tree datacenter network) with 20 us one-way through the switches, so a node-to-node
 * message takes 30 us one way (60 us RTT, typical of a datacenter TCP round trip).
 */
export const DEFAULT_NIC: LinkSpec = { bitsPerSec: 10e9, latencyUs: 5 };
export const DEFAULT_FABRIC: LinkSpec = { bitsPerSec: Infinity, latencyUs: 20 };
/** Same-node transfers are memory copies: no NIC, no fabric; ~10 GB/s (80 Gb/s), no latency. */
export const DEFAULT_LOOPBACK_BITS_PER_SEC = 80e9;
