// Per-request latency of Google Cloud Storage as seen from a Cloud Function, in the shape of the S3
// model (s3-model.ts) fitted to STeLLAR's GCS producer->consumer chain (IISWC'21 §VI-C2, Fig. 7).
// The heavy tail (TMR 37 at 1 MB) is modelled as a name lookup that times out: STeLLAR's Go
// functions create a new storage client for every PUT and GET (object-storage.go), so every request
// resolves storage.googleapis.com and opens a new connection; a lost DNS datagram costs the
// resolver's 5 s per-try timeout (resolv.conf(5) RES_TIMEOUT; Go's resolver default), two cost 10 s.
import type { S3ModelParams } from './s3-model.ts';

/**
 * Fitted once (docs/transfers.md, "GCS") to STeLLAR's Google GCS chain: the exact 1 MB median
 * and p99 (155 / 5781 ms) and the figure-read medians from 1 KB to 1 GiB. Facts used as is: the
 * 5 s / 10 s lookup timeouts, IW10 x 1460 B (RFC 6928), and the Go client's Writer (one connection,
 * objects of 16 MiB or more uploaded resumably in 16 MiB chunks, googleapi.DefaultUploadChunkSize).
 */
export const GCS_GOOGLE_2021: S3ModelParams = {
  firstByteMedianUs: 34_000,
  firstByteSigma: 0.6,
  lossProb: 0.04,
  rtoUs: 5_000_000,
  repeatStallUs: 10_000_000,
  slowStartRttUs: 3_000,
  rttSigma: 0.9,
  initialWindowBytes: 10 * 1460,
  maxConnBitsPerSec: 960e6,
  throughputSigma: 0.08,
  putPartBytes: 16 * 2 ** 20,
  putConcurrency: 1,
  putChunkBytes: 16 * 2 ** 20,
};
