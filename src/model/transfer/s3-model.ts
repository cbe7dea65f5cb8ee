// Per-request latency of an S3-like object store as seen from a function, following STeLLAR
// (IISWC'21 §VI-C2): a first-byte latency with a long tail, then the payload at a per-connection
// throughput that grows with object size (TCP slow start) up to ~960 Mb/s. The tail is modelled as
// a lost connection-setup packet paying TCP's initial retransmission timeout (1 s, RFC 6298 §2),
// which explains why the STeLLAR p99 sits ~1 s above the median at every payload size.
import { standardNormal } from '../../engine/distributions.ts';
import type { RandomStream } from '../../engine/random.ts';

export interface S3ModelParams {
  /** Median of the log-normal first-byte latency of a request (us). */
  readonly firstByteMedianUs: number;
  /** Log-normal sigma of the first-byte latency. */
  readonly firstByteSigma: number;
  /** Probability that a request's connection setup loses a packet and waits a retransmit timeout. */
  readonly lossProb: number;
  /** Wait of a request whose first attempt is lost (us): S3 the TCP initial RTO, GCS a DNS timeout. */
  readonly rtoUs: number;
  /** Total wait when the retry is lost too (probability lossProb^2): S3 1 s + 2 s (the RTO doubles). */
  readonly repeatStallUs: number;
  /** Median round-trip time that paces slow start (us). */
  readonly slowStartRttUs: number;
  /** Log-normal sigma of a request's slow-start RTT (server and path vary from request to request). */
  readonly rttSigma: number;
  /** Initial congestion window (bytes). */
  readonly initialWindowBytes: number;
  /** Ceiling of one connection's throughput (bits/s). */
  readonly maxConnBitsPerSec: number;
  /** Log-normal sigma of a per-request throughput factor (median 1). */
  readonly throughputSigma: number;
  /** Multipart PUT: part size (bytes) and parts in flight at once. */
  readonly putPartBytes: number;
  readonly putConcurrency: number;
  /**
   * Resumable PUT in sequential chunks (bytes), absent for S3: an object of at least this size is
   * uploaded as one initiation request plus one request per chunk, each paying the first-byte
   * latency (GCS with the Go client's 16 MiB Writer.ChunkSize).
   */
  readonly putChunkBytes?: number;
}

/**
 * Fitted once (docs/transfers.md, "S3 fit") to the STeLLAR AWS S3 chain (PUT + invoke + GET):
 * the exact 1 MB median/p99 (111 / 1177 ms) and the figure-read 1 KB..100 KB medians and tails.
 * Facts used as is: 960 Mb/s (STeLLAR §VI-C2), IW10 x 1460 B (RFC 6928), RTO 1 s (RFC 6298), and
 * the producer's aws-sdk-go s3manager.Uploader defaults (5 MiB parts, 5 in flight; STeLLAR's
 * producer-consumer function, object-storage.go) while the consumer GETs with one connection.
 */
export const S3_AWS_2021: S3ModelParams = {
  firstByteMedianUs: 16_000,
  firstByteSigma: 0.45,
  lossProb: 0.03,
  rtoUs: 1_000_000,
  repeatStallUs: 3_000_000,
  slowStartRttUs: 2_900,
  rttSigma: 0.9,
  initialWindowBytes: 10 * 1460,
  maxConnBitsPerSec: 960e6,
  throughputSigma: 0.08,
  putPartBytes: 5 * 2 ** 20,
  putConcurrency: 5,
};

/** Requests that pay a first byte: 1, or for a chunked PUT one initiation plus one per chunk. */
export function storeRequests(p: S3ModelParams, op: 'put' | 'get', bytes: number): number {
  if (op === 'get' || p.putChunkBytes === undefined || bytes < p.putChunkBytes) return 1;
  return 1 + Math.ceil(bytes / p.putChunkBytes);
}

/** Connections a request uses: 1 for GET; for PUT, the parts in flight. */
export function s3Connections(p: S3ModelParams, op: 'put' | 'get', bytes: number): number {
  if (op === 'get') return 1;
  return Math.max(1, Math.min(p.putConcurrency, Math.ceil(bytes / p.putPartBytes)));
}

/** Slow-start time (us) to open `conns` windows wide enough for `bytes`: RTT x log2(1 + S/(k W0)). */
export function s3SlowStartUs(p: S3ModelParams, bytes: number, conns = 1, rttUs = p.slowStartRttUs): number {
  return rttUs * Math.log2(1 + bytes / (conns * p.initialWindowBytes));
}

/**
 * Deterministic per-connection throughput for an object of `bytes` (bits/s): the size over the
 * slow-start ramp plus the drain at the connection's ceiling. Grows with size towards the ceiling.
 */
export function s3ConnectionThroughput(p: S3ModelParams, bytes: number): number {
  if (bytes <= 0) return 0;
  const drainUs = (8 * bytes) / (p.maxConnBitsPerSec / 1e6);
  return (8 * bytes) / ((s3SlowStartUs(p, bytes) + drainUs) / 1e6);
}

/** One request's draws: the time before the payload flows, and the flow's throughput cap. */
export interface S3RequestDraw {
  /** First byte + any retransmit timeout + slow start (us). */
  readonly setupUs: number;
  /** Of which: retransmit timeouts (us); 0 for most requests. */
  readonly timeoutUs: number;
  /** Cap of the payload flow (bits/s): connections x per-connection ceiling / throughput factor. */
  readonly capBitsPerSec: number;
}

/** Draws one request. Always consumes the same number of uniforms (7), whatever the outcome. */
export function drawS3Request(p: S3ModelParams, op: 'put' | 'get', bytes: number, rng: RandomStream): S3RequestDraw {
  const fb = p.firstByteMedianUs * Math.exp(p.firstByteSigma * standardNormal(rng));
  const u = rng.next();
  // P(one loss) = p, P(two) = p^2: S3 1 s, then 1 s + 2 s (backoff doubles the timeout).
  const timeoutUs = u < p.lossProb * p.lossProb ? p.repeatStallUs : u < p.lossProb ? p.rtoUs : 0;
  const k = s3Connections(p, op, bytes);
  // The slow-start RTT varies a lot between requests but only over a few round trips; the drain
  // rate varies little (long transfers average it out).
  const rtt = p.slowStartRttUs * Math.exp(p.rttSigma * standardNormal(rng));
  const factor = Math.exp(p.throughputSigma * standardNormal(rng));
  return {
    // Chunk requests after the first pay the median first byte: independent draws over tens of
    // chunks average out, and drawing each would make the uniforms used depend on the size.
    setupUs: fb + (storeRequests(p, op, bytes) - 1) * p.firstByteMedianUs + timeoutUs + (bytes > 0 ? s3SlowStartUs(p, bytes, k, rtt) : 0),
    timeoutUs,
    capBitsPerSec: (k * p.maxConnBitsPerSec) / factor,
  };
}
