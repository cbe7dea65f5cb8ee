// STeLLAR-style single-request and burst experiments (Ustiugov et al., IISWC'21) run on the
// provider presets: each experiment is an ordinary scenario (one function, a fixed or burst
// workload) run through simulate(); latencies are client-observed (propagation included), as
// STeLLAR measured them. Calibration values come from src/calibration/stellar-latency.csv.
import type { Summary } from '../metrics/summary.ts';
import { stellarLatencyRows, type Figure } from '../calibration/stellar.ts';
import { simulateLoaded } from '../simulate.ts';
import { validateScenario } from '../scenario/load.ts';
import { presetRuntimes, presetSettings } from '../scenario/providers.ts';
import { parseDuration } from '../engine/units.ts';
import { simulateChain, type ChainKind } from '../model/transfer/chains.ts';
import type { ProviderName } from '../model/transfer/providers.ts';
import { stellarTransfers } from '../calibration/stellar.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nearestRank } from '../engine/nearest-rank.ts';

export const STELLAR_PROVIDERS = ['aws-lambda', 'google-cloud-functions', 'azure-functions', 'vhive-knative'] as const;
export const STELLAR_EXPERIMENTS = ['warm', 'cold', 'image-size', 'runtime', 'transfer', 'burst'] as const;
export type StellarExperiment = (typeof STELLAR_EXPERIMENTS)[number];

export interface StellarPoint {
  readonly provider: string;
  readonly experiment: StellarExperiment;
  readonly params: Readonly<Record<string, string | number>>;
  /** Client-observed latency percentiles (ms), propagation included. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The paper's values, where it has them, and whether they are exact (else read off a figure). */
  readonly paperP50Ms: Figure | null;
  readonly paperP99Ms: Figure | null;
  /** For warm: the in-datacenter values (propagation subtracted, as STeLLAR §VI-A reports them). */
  readonly inDatacenter?: { readonly p50Ms: number; readonly p99Ms: number };
  /** For warm: the paper's in-datacenter values (§VI-A, exact), what `sim validate stellar` checks. */
  readonly paperInDatacenter?: { readonly p50Ms: Figure | null; readonly p99Ms: Figure | null };
  /** Whether this point is a calibration target held to the tolerance by `sim validate stellar`. */
  readonly calibrated: boolean;
  readonly note?: string;
}

export const CSV_NAME: Record<string, string> = {
  'aws-lambda': 'aws_lambda',
  'google-cloud-functions': 'google_cloud_functions',
  'azure-functions': 'azure_functions',
};
/** Longer than every preset's keep-alive (Azure 20 min): every request of a cold run is cold. */
export const LONG_IAT = '21m';
export const SHORT_IAT = '3s';

export function paperRow(provider: string, scenario: string, params?: (p: string) => boolean) {
  const name = CSV_NAME[provider];
  return stellarLatencyRows().find((r) => r.provider === name && r.scenario === scenario && (!params || params(r.parameters))) ?? null;
}

interface RunSpec {
  readonly provider: string;
  readonly name: string;
  readonly iat: string;
  readonly count: number;
  readonly burst?: number;
  readonly execMs?: number;
  readonly deployment?: Record<string, unknown>;
  readonly seed?: number;
  /** Leave out the first burst (or request): the warm-up of a short inter-arrival time run. */
  readonly skipFirst?: boolean;
  /** Also return every latency (for CDF figures), read from invocations.csv. */
  readonly samples?: boolean;
}

/** Client-observed latencies (ms, ascending) of an experiment scenario: the data of a CDF. */
export function stellarLatencies(r: Omit<RunSpec, 'samples'>): number[] {
  return runStellarScenario({ ...r, samples: true }).latenciesMs!;
}

/** Runs one experiment scenario; the end-to-end latency p50 and p99 (ms) and the summary. */
export function runStellarScenario(r: RunSpec): { p50Ms: number; p99Ms: number; summary: Summary; latenciesMs?: number[] } {
  const iatUs = parseDuration(r.iat);
  const workload = r.burst !== undefined ? { burst: { function: 'f', size: r.burst, every: r.iat } } : { fixed: { function: 'f', interval: r.iat } };
  const raw: Record<string, unknown> = {
    version: 1,
    name: `stellar-${r.provider}-${r.name}`,
    seed: r.seed ?? 42,
    duration: (iatUs * r.count) / 1e6,
    fleet: { nodes: [{ count: 16, cores: 96, memory: '512GiB' }] },
    functions: [{ name: 'f', memory: r.provider === 'azure-functions' ? '1536MiB' : '2GiB', execution: `${r.execMs ?? 0}ms` }],
    workload: [workload],
    platform: { provider: r.provider, maxQueueWait: '1h' },
    ...(r.deployment ? { deployment: r.deployment } : {}),
    output: { invocations: false, timeseries: (iatUs * r.count) / 1e6 },
  };
  const perRequest = r.skipFirst === true || r.samples === true;
  if (perRequest) (raw.output as { invocations: boolean }).invocations = true;
  const s = validateScenario(raw, `stellar:${r.provider}/${r.name}`);
  if (!perRequest) {
    const res = simulateLoaded(s, []);
    const lat = res.summary.latencyMs.endToEnd;
    return { p50Ms: lat.p50, p99Ms: lat.p99, summary: res.summary };
  }
  // Exact percentiles of the requests after the first burst or request (a warm-up), from invocations.csv.
  const dir = mkdtempSync(join(tmpdir(), 'sim-stellar-'));
  try {
    const res = simulateLoaded(s, [], { outDir: join(dir, 'run') });
    const lines = readFileSync(join(dir, 'run', 'invocations.csv'), 'utf8')
      .trim()
      .split('\n');
    const head = lines[0]!.split(',');
    const a = head.indexOf('arrival_us');
    const l = head.indexOf('latency_us');
    const lat: number[] = [];
    for (let i = 1; i < lines.length; i++) {
      const c = lines[i]!.split(',');
      if (!r.skipFirst || Number(c[a]) >= iatUs) lat.push(Number(c[l]));
    }
    lat.sort((x, y) => x - y);
    const q = (p: number) => nearestRank(lat, p) / 1000;
    return { p50Ms: q(0.5), p99Ms: q(0.99), summary: res.summary, ...(r.samples ? { latenciesMs: lat.map((x) => x / 1000) } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const propagationMs = (provider: string): number => parseDuration(presetSettings(provider).get('platform.propagation') ?? '0') / 1000;

export interface StellarOptions {
  /** Requests per single-request point (default 1000) and bursts per burst point (default 20). */
  readonly requests?: number;
  readonly bursts?: number;
}

export function runStellar(experiment: StellarExperiment, provider: string, o: StellarOptions = {}): StellarPoint[] {
  const n = o.requests ?? 1000;
  const hasDeployment = presetSettings(provider).has('deployment.storeBandwidth');
  const out: StellarPoint[] = [];
  const base = { provider, experiment };
  switch (experiment) {
    case 'warm': {
      const r = runStellarScenario({ provider, name: 'warm', iat: SHORT_IAT, count: n + 1, skipFirst: true });
      const exact = paperRow(provider, 'warm_single', (p) => p.includes('ZIP'));
      const client = paperRow(provider, 'warm_single', (p) => !p.includes('ZIP'));
      const prop = propagationMs(provider);
      out.push({
        ...base,
        params: { iat: 'short' },
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        paperP50Ms: client?.medianMs ?? null,
        paperP99Ms: null,
        inDatacenter: { p50Ms: r.p50Ms - prop, p99Ms: r.p99Ms - prop },
        calibrated: exact !== null,
        ...(exact ? { paperInDatacenter: { p50Ms: exact.medianMs, p99Ms: exact.p99Ms } } : {}),
      });
      return out;
    }
    case 'cold': {
      const r = runStellarScenario({ provider, name: 'cold', iat: LONG_IAT, count: n });
      const row = paperRow(provider, 'cold_single');
      out.push({
        ...base,
        params: { iat: 'long' },
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        paperP50Ms: row?.medianMs ?? null,
        paperP99Ms: row?.p99Ms ?? null,
        calibrated: row !== null,
      });
      return out;
    }
    case 'image-size': {
      if (!hasDeployment) return out;
      for (const mb of [10, 60, 100]) {
        const r = runStellarScenario({ provider, name: `image-${mb}`, iat: LONG_IAT, count: n, deployment: { size: `${mb}MB` } });
        const row = paperRow(provider, 'cold_image_size', (p) => p === `extra file ${mb}MB` || p === 'extra file 10/60/100MB');
        out.push({
          ...base,
          params: { sizeMB: mb },
          p50Ms: r.p50Ms,
          p99Ms: r.p99Ms,
          paperP50Ms: row?.medianMs ?? null,
          paperP99Ms: row?.p99Ms ?? null,
          calibrated: false,
        });
      }
      return out;
    }
    case 'runtime': {
      for (const rp of presetRuntimes(provider)) {
        const [runtime, packaging] = rp.split('/') as [string, string];
        const r = runStellarScenario({ provider, name: `runtime-${runtime}-${packaging}`, iat: LONG_IAT, count: n, deployment: { runtime, packaging } });
        const label = `${runtime === 'go' ? 'Go' : runtime === 'python' ? 'Python' : runtime} ${packaging === 'zip' ? 'ZIP' : 'container image'}`;
        const row = paperRow(provider, 'cold_runtime_deploy', (p) => p === label);
        out.push({
          ...base,
          params: { runtime, packaging },
          p50Ms: r.p50Ms,
          p99Ms: r.p99Ms,
          paperP50Ms: row?.medianMs ?? null,
          paperP99Ms: row?.p99Ms ?? null,
          calibrated: false,
        });
      }
      return out;
    }
    case 'transfer': {
      // Every payload the paper has for the method (1 KB and 1 MB where it has none).
      for (const c of TRANSFER_CHAINS[provider] ?? []) {
        const rows = CSV_NAME[provider] ? stellarTransfers(c.csvMethod, CSV_NAME[provider]) : [];
        const sizes = rows.length > 0 ? rows.map((r) => r.payloadBytes) : [1024, 1048576];
        for (const bytes of sizes) {
          const lat = simulateChain(c.kind, c.preset, bytes, n, 42).sort((a, b) => a - b);
          const q = (x: number) => lat[Math.min(lat.length - 1, Math.ceil(x * lat.length) - 1)]! / 1000;
          const csvProvider = CSV_NAME[provider];
          const row = csvProvider ? transferRow(c.csvMethod, csvProvider, bytes) : null;
          const exact = (f: Figure | null | undefined) => f !== null && f !== undefined && !f.approx;
          out.push({
            ...base,
            params: { method: c.method, bytes },
            p50Ms: q(0.5),
            p99Ms: q(0.99),
            paperP50Ms: row?.medianMs ?? null,
            paperP99Ms: row?.p99Ms ?? null,
            calibrated: exact(row?.medianMs) || exact(row?.p99Ms),
            note: 'producer->consumer chain (docs/transfers.md)',
          });
        }
      }
      return out;
    }
    case 'burst': {
      const bursts = o.bursts ?? 20;
      const points: [number, 'short' | 'long', number][] = [];
      for (const size of [1, 100, 300, 500]) for (const iat of ['short', 'long'] as const) points.push([size, iat, 0]);
      for (const iat of ['short', 'long'] as const) points.push([100, iat, 1000]);
      for (const [size, iat, execMs] of points) {
        const r = runStellarScenario({
          provider,
          name: `burst-${size}-${iat}-${execMs}`,
          iat: iat === 'short' ? SHORT_IAT : LONG_IAT,
          count: iat === 'short' ? bursts + 1 : bursts,
          burst: size,
          execMs,
          skipFirst: iat === 'short',
        });
        const c = r.summary.coldStarts as { invocations: number; waitedForStart?: number };
        out.push({
          ...base,
          params: { burst: size, iat, execMs },
          p50Ms: r.p50Ms,
          p99Ms: r.p99Ms,
          paperP50Ms: null,
          paperP99Ms: null,
          calibrated: false,
          note: `whole run: cold ${c.invocations}, waited for a start ${c.waitedForStart ?? c.invocations}, of ${(c as unknown as { n?: number }).n ?? ''}${size * (iat === 'short' ? bursts + 1 : bursts)}`,
        });
      }
      return out;
    }
  }
}

/** The chains `sim stellar transfer` runs per provider: method label, chain kind, transfer preset, CSV method. */
export const TRANSFER_CHAINS: Readonly<Record<string, readonly { method: string; kind: ChainKind; preset: ProviderName; csvMethod: string }[]>> = {
  'aws-lambda': [
    { method: 'inline', kind: 'inline', preset: 'aws-lambda-2021', csvMethod: 'inline' },
    { method: 's3', kind: 's3', preset: 'aws-lambda-2021', csvMethod: 's3' },
  ],
  'google-cloud-functions': [
    { method: 'inline', kind: 'inline', preset: 'google-cloud-functions-2021', csvMethod: 'inline' },
    // The chain kind `s3` is the provider's object store: GCS for this preset.
    { method: 'gcs', kind: 's3', preset: 'google-cloud-functions-2021', csvMethod: 'gcs' },
  ],
  'vhive-knative': [{ method: 'inline', kind: 'inline', preset: 'vhive-knative', csvMethod: 'inline' }],
};

function transferRow(method: string, provider: string, bytes: number) {
  return stellarTransfers(method, provider).find((r) => r.payloadBytes === bytes) ?? null;
}
