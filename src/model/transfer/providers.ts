// Provider presets for function-to-function calls: the control-plane hop of an invocation, the
// inline payload limit, and the throughput of a payload riding through the front-end. Fitted to
// the STeLLAR (IISWC'21 §VI-C1, Fig. 6) inline producer->consumer chains of AWS and Google, and
// the provider's object store (S3 for AWS, GCS for Google; §VI-C2, Fig. 7).
import { GCS_GOOGLE_2021 } from './gcs-model.ts';
import { S3_AWS_2021, type S3ModelParams } from './s3-model.ts';

export type ProviderName = 'aws-lambda-2021' | 'google-cloud-functions-2021' | 'vhive-knative';

/** The object store a provider's functions use for storage transfers. */
export interface StorageService {
  /** `s3` (AWS S3) or `gcs` (Google Cloud Storage); names the random streams and operations. */
  readonly service: 's3' | 'gcs';
  readonly params: S3ModelParams;
  /** Fitted to STeLLAR's chain of this store (docs/transfers.md), or an assumption. */
  readonly calibrated: boolean;
}

export interface ProviderPreset {
  readonly name: ProviderName;
  /** Largest inline payload (bytes) and where the number comes from. */
  readonly inlineLimitBytes: number;
  readonly inlineLimitSource: string;
  /** Invocation control-plane hop (producer's invoke call to the consumer running): log-normal. */
  readonly invokeMedianUs: number;
  readonly invokeSigma: number;
  /** Throughput of an inline payload through the front-end (bits/s), per request. */
  readonly inlineBitsPerSec: number;
  /** Log-normal sigma of a per-request throughput factor (median 1). */
  readonly inlineThroughputSigma: number;
  /** Whether the numbers above are fitted to measurements (false: assumptions, see docs). */
  readonly calibrated: boolean;
  readonly storage: StorageService;
}

/**
 * Fit (docs/transfers.md, "inline fit"): the 1 KB chain is almost all control-plane hop, so its
 * median and p99 give the hop's log-normal (AWS 11 / ~22 ms; Google 7 / ~18 ms); the throughput
 * is fitted to the exact large-payload medians (AWS 4.1 MB: 124 ms; Google 1 MB and 4.1 MB: 62
 * and 202 ms); its sigma to the p99 at those sizes (TMR 1.4 AWS, 1.3-1.4 Google).
 */
export const PROVIDERS: Readonly<Record<ProviderName, ProviderPreset>> = {
  'aws-lambda-2021': {
    name: 'aws-lambda-2021',
    // Lambda's synchronous invocation payload quota: "Request must be smaller than 6291456 bytes
    // for the InvokeFunction operation" (6 MiB; AWS Lambda quotas page: "6 MB").
    inlineLimitBytes: 6_291_456,
    inlineLimitSource: 'AWS Lambda quotas: invocation payload 6 MB synchronous (6291456 bytes)',
    invokeMedianUs: 10_900,
    invokeSigma: 0.3,
    inlineBitsPerSec: 290e6,
    inlineThroughputSigma: 0.14,
    calibrated: true,
    storage: { service: 's3', params: S3_AWS_2021, calibrated: true },
  },
  'google-cloud-functions-2021': {
    name: 'google-cloud-functions-2021',
    // Cloud Functions (1st gen) quota: maximum HTTP request size 10 MB; taken as 10 MiB.
    inlineLimitBytes: 10 * 2 ** 20,
    inlineLimitSource: 'Google Cloud Functions quotas: max HTTP request size 10 MB (taken as 10 MiB)',
    invokeMedianUs: 6_900,
    invokeSigma: 0.4,
    inlineBitsPerSec: 160e6,
    inlineThroughputSigma: 0.12,
    calibrated: true,
    storage: { service: 'gcs', params: GCS_GOOGLE_2021, calibrated: true },
  },
  'vhive-knative': {
    name: 'vhive-knative',
    // gRPC's default max receive message size; vSwarm chained-function-serving producer.go.
    inlineLimitBytes: 4_194_304,
    inlineLimitSource: 'gRPC default max message 4194304 bytes (vSwarm chained-function-serving producer.go)',
    // Not measured in the calibration set: a Knative activator/queue-proxy hop of ~2 ms and a
    // gRPC stream limited by the NIC (no per-request cap) are assumptions.
    invokeMedianUs: 2_000,
    invokeSigma: 0.3,
    inlineBitsPerSec: Infinity,
    inlineThroughputSigma: 0,
    calibrated: false,
    // STeLLAR's vHive setup stores payloads in MinIO, which it did not measure; the S3 model stands
    // in for it (as before GCS existed), an assumption.
    storage: { service: 's3', params: S3_AWS_2021, calibrated: false },
  },
};
