// The published shape of the Azure Functions 2019 workload (Shahrad et al., ATC 2020, sections 3
// and 4; the released trace's trigger mix), used both to generate traces and to judge any trace.
import { standardNormal } from '../../engine/distributions.ts';
import type { RandomStream } from '../../engine/random.ts';

/** Targets `sim trace inspect` compares against, and the generator aims at. */
export const TARGETS = {
  /** Share of apps invoked at most once per hour on average. */
  appsAtMostHourly: 0.45,
  /** Share of apps invoked at most once per minute on average. */
  appsAtMostPerMinute: 0.81,
  /** Orders of magnitude between the least and most popular function's daily invocations. */
  popularityOrders: 8,
  /** Median of per-function average execution times (ms). */
  medianAverageMs: 1000,
  /** Share of functions whose average execution time is under 100 ms. */
  averageUnder100ms: 0.13,
  /** App memory (AverageAllocatedMb): median and 90th percentile (MB). */
  memoryMedianMb: 150,
  memoryP90Mb: 400,
  /** Share of functions by trigger in the released trace; 'others' takes the rest. */
  triggers: { http: 0.43, timer: 0.29, queue: 0.15, orchestration: 0.08, others: 0.05 } as Record<string, number>,
} as const;

/** Inverse standard normal CDF at a few fixed points, for percentiles. */
export const Z = { p0_1: -3.0902, p1: -2.3263, p5: -1.6449, p25: -0.6745, p50: 0, p75: 0.6745, p95: 1.6449, p99: 2.3263, p99_9: 3.0902 };

/**
 * log10(daily invocations per app) ~ Normal(mu, sigma), solved from the two app-level targets:
 * (log10 24 - mu)/sigma = z(0.45) and (log10 1440 - mu)/sigma = z(0.81).
 */
export const APP_RATE = (() => {
  const z45 = -0.12566, z81 = 0.87790;
  const sigma = (Math.log10(1440) - Math.log10(24)) / (z81 - z45);
  return { mu: Math.log10(24) - z45 * sigma, sigma, minLog10: -0.5, maxLog10: 8 };
})();

/** ln(average ms) ~ Normal(ln 1000, sigma) with P(< 100 ms) = 13%: sigma = ln 10 / 1.1264. */
export const AVG_DURATION = { medianMs: 1000, sigma: Math.log(10) / 1.12639, minMs: 1, maxMs: 3_600_000 };

/** ln(app memory MB) ~ Normal(ln 150, sigma) with the 90th percentile at 400 MB. */
export const APP_MEMORY = { medianMb: 150, sigma: Math.log(400 / 150) / 1.28155, minMb: 16, maxMb: 1536 };

/** Functions per app: 54% of apps have one function, 95% at most 10 (ATC 2020, Fig. 1). */
export const FUNCS_PER_APP: ReadonlyArray<readonly [number, number, number]> = [
  // [weight, min, max] (uniform in log between min and max)
  [0.54, 1, 1], [0.16, 2, 2], [0.08, 3, 3], [0.05, 4, 4], [0.12, 5, 10], [0.05, 11, 40],
];

/** Released-trace triggers; the 'others' share is split among the rarer kinds. */
export const TRIGGER_MIX: ReadonlyArray<readonly [string, number]> = [
  ['http', 0.43], ['timer', 0.29], ['queue', 0.15], ['orchestration', 0.08], ['event', 0.022], ['storage', 0.019], ['others', 0.009],
];

/** Common timer periods (minutes) that a periodic function snaps to. */
export const TIMER_PERIODS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440];

/** Share of functions with an on/off (bursty) arrival process, by trigger. */
export const BURSTY_SHARE: Record<string, number> = { http: 0.3, queue: 0.6, orchestration: 0.6, event: 0.5, storage: 0.5, others: 0.3, timer: 0 };

/** One app's AverageAllocatedMb drawn from APP_MEMORY (the generator and the 2021 reader's default). */
export function drawAppMemoryMb(rng: RandomStream): number {
  const mb = APP_MEMORY.medianMb * Math.exp(APP_MEMORY.sigma * standardNormal(rng));
  return Math.min(APP_MEMORY.maxMb, Math.max(APP_MEMORY.minMb, mb));
}
