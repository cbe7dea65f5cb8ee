// The published shape of the Azure Functions 2019 workload (Shahrad et al., ATC 2020, sections 3
// and 4; the released trace's trigger mix) as the generator's parameters, each solved from a target
// of src/workload/inspect/targets.ts or, where no source gives a number, a stated assumption.
import { standardNormal } from '../../engine/distributions.ts';
import type { RandomStream } from '../../engine/random.ts';
import { target } from '../inspect/targets.ts';

/** The targets the generator's parameters are solved from (values only; bands live in targets.ts). */
export const TARGETS = {
  appsAtMostHourly: target('appsAtMostHourly').value,
  appsAtMostPerMinute: target('appsAtMostPerMinute').value,
  medianAverageMs: target('medianAverageMs').value,
  averageUnder100ms: target('averageUnder100ms').value,
  medianMaximumMs: target('medianMaximumMs').value,
  medianMinimumMs: target('medianMinimumMs').value,
  appAverageMemoryP90Mb: target('appAverageMemoryP90Mb').value,
  appMaximumMemoryMedianMb: target('appMaximumMemoryMedianMb').value,
  appMaximumMemoryP90Mb: target('appMaximumMemoryP90Mb').value,
  durationPopularityRank: target('durationPopularityRank').value,
  /** Share of functions by trigger; 'others' takes the rest. */
  triggers: Object.fromEntries(['http', 'timer', 'queue', 'orchestration', 'others'].map((t) => [t, target(`functionShare:${t}`).value])) as Record<
    string,
    number
  >,
  /** Share of invocations by trigger; 'others' takes the rest. */
  invocations: Object.fromEntries(['http', 'queue', 'event', 'timer', 'others'].map((t) => [t, target(`invocationShare:${t}`).value])) as Record<
    string,
    number
  >,
} as const;

/** Inverse standard normal CDF at a few fixed points, for percentiles. */
export const Z = { p0_1: -3.0902, p1: -2.3263, p5: -1.6449, p25: -0.6745, p50: 0, p75: 0.6745, p95: 1.6449, p99: 2.3263, p99_9: 3.0902 };
const Z90 = 1.28155;

/**
 * log10(daily invocations per app) ~ Normal(mu, sigma), solved from the two app-level targets:
 * (log10 24 - mu)/sigma = z(0.45) and (log10 1440 - mu)/sigma = z(0.81).
 */
export const APP_RATE = (() => {
  const z45 = -0.12566,
    z81 = 0.8779;
  const sigma = (Math.log10(1440) - Math.log10(24)) / (z81 - z45);
  return { mu: Math.log10(24) - z45 * sigma, sigma, minLog10: -0.5, maxLog10: 8 };
})();

/** The platform timeout every execution is capped at: the Consumption plan's maximum functionTimeout, 10 min (Azure Functions docs). */
export const TIMEOUT_MS = 600_000;

/**
 * A function's average duration: ln(ms) = ln(median) + sigma * (rho * z + sqrt(1 - rho^2) * e), z the
 * normal score of its popularity rank and e its own noise, so the marginal stays log-normal
 * (median 1 s, P(< 100 ms) = 13%: sigma = ln 10 / 1.1264) while the rank correlation with
 * popularity is about rho (Spearman of a bivariate normal: (6/pi) asin(rho/2) ~ 0.98 rho). rho is
 * the targets file's default (no source gives a number). Clamped to [1 ms, the timeout].
 */
export const AVG_DURATION = { medianMs: 1000, sigma: Math.log(10) / 1.12639, rho: -0.4, minMs: 1, maxMs: TIMEOUT_MS };

/**
 * At most this many executions of one function in flight on average (rate x average duration):
 * the Consumption plan scales an app out to at most 200 instances (Azure Functions docs, "hosting
 * options", Windows), and an instance runs one execution at a time in this simulator's default
 * (concurrency 1). An assumption for the generator, applied per function.
 */
export const MAX_BUSY = 200;

/**
 * Spread of single executions around a function's median (sigma of ln duration), uniform in
 * [lo, hi]. Solved so that a function invoked ~25 times a day (the median function) has its
 * expected extremes (median x exp(+/- sigma z), z = z(1 - 1/(n + 1)) ~ 1.75) near the published
 * median maximum (~3 s) and minimum (~0.25 s) for a 1 s average: ln(3 / 0.25) / (2 x 1.75) = 0.71.
 */
export const EXECUTION_SPREAD = { lo: 0.45, hi: 0.95 };

/**
 * App memory: the maximum (AverageAllocatedMb_pct100) is log-normal with the published median
 * 170 MB and p90 400 MB; the average (AverageAllocatedMb) moves with it (same normal draw), its
 * p90 the published ~260 MB and its median an assumption (130 MB: no source gives it), never above
 * the maximum. Clamped to [16 MB, 1536 MB] (the Consumption plan's 1.5 GB instance).
 */
export const APP_MEMORY = {
  maxMedianMb: TARGETS.appMaximumMemoryMedianMb,
  maxSigma: Math.log(TARGETS.appMaximumMemoryP90Mb / TARGETS.appMaximumMemoryMedianMb) / Z90,
  avgMedianMb: 130,
  avgSigma: Math.log(TARGETS.appAverageMemoryP90Mb / 130) / Z90,
  minMb: 16,
  maxMb: 1536,
};

export interface AppMemoryDraw {
  averageMb: number;
  maximumMb: number;
}

const clampMb = (x: number): number => Math.min(APP_MEMORY.maxMb, Math.max(APP_MEMORY.minMb, x));

/** One app's average and maximum memory (MB). */
export function drawAppMemory(rng: RandomStream): AppMemoryDraw {
  const z = standardNormal(rng);
  const maximumMb = clampMb(APP_MEMORY.maxMedianMb * Math.exp(APP_MEMORY.maxSigma * z));
  const averageMb = Math.min(maximumMb, clampMb(APP_MEMORY.avgMedianMb * Math.exp(APP_MEMORY.avgSigma * z)));
  return { averageMb, maximumMb };
}

/** One app's AverageAllocatedMb (the 2021 reader's default memory law). */
export function drawAppMemoryMb(rng: RandomStream): number {
  return drawAppMemory(rng).averageMb;
}

/** Functions per app: 54% of apps have one function, 95% at most 10 (ATC 2020, Fig. 1). */
export const FUNCS_PER_APP: ReadonlyArray<readonly [number, number, number]> = [
  // [weight, min, max] (uniform in log between min and max)
  [0.54, 1, 1],
  [0.16, 2, 2],
  [0.08, 3, 3],
  [0.05, 4, 4],
  [0.12, 5, 10],
  [0.05, 11, 40],
];

/** Released-trace function shares by trigger; the 'others' share split among the rarer kinds. */
export const TRIGGER_MIX: ReadonlyArray<readonly [string, number]> = [
  ['http', 0.43],
  ['timer', 0.29],
  ['queue', 0.15],
  ['orchestration', 0.08],
  ['event', 0.022],
  ['storage', 0.019],
  ['others', 0.009],
];

/**
 * Popularity tiers (daily invocations) for the trigger draw. Above `busy`, functions carry almost
 * all invocations: their triggers are drawn so the trace's invocations split as published
 * (TARGETS.invocations; timers excluded, as timers fire at most once a minute in 95% of cases).
 * Between `minute` and `busy` an assumed mix (no source gives one; http-led, few timers). At or
 * below once a minute the rest, solved so the function shares come out as TRIGGER_MIX.
 */
export const TIERS = { minute: 1440, busy: 100_000 };
export const MIDDLE_MIX: Readonly<Record<string, number>> = {
  http: 0.45,
  queue: 0.25,
  event: 0.08,
  orchestration: 0.12,
  storage: 0.04,
  timer: 0.05,
  others: 0.01,
};
/** How the published invocation share of 'others' (2.4%) splits among the kinds it holds (assumption: as their function shares). */
export const BUSY_OTHERS: Readonly<Record<string, number>> = { orchestration: 0.08, storage: 0.019, others: 0.009 };

/**
 * Diurnal amplitude of a non-timer function (rate x (1 + a cos(...)), peak near 14:00 UTC),
 * uniform in [lo, hi]. Solved from the aggregate's published swing (quietest hour about half the
 * busiest, ATC'20 Fig. 2, read off: an assumption): (1 - a) / (1 + a) = 0.5 at a = 1/3, the
 * centre of the range; the functions' scattered peaks flatten the sum a little.
 */
export const DIURNAL = { lo: 0.2, hi: 0.5 };

/**
 * Weekend rate multiplier of a non-timer function, uniform in [lo, hi]: the aggregate's weekend
 * days at about 0.8 of a weekday (ATC'20 Fig. 2, read off: an assumption). Day 1 is a Monday.
 */
export const WEEKEND = { lo: 0.6, hi: 1.0 };

/** Common timer periods (minutes) that a periodic function snaps to. */
export const TIMER_PERIODS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440];

/** Share of functions with an on/off (bursty) arrival process, by trigger. */
export const BURSTY_SHARE: Record<string, number> = { http: 0.3, queue: 0.6, orchestration: 0.6, event: 0.5, storage: 0.5, others: 0.3, timer: 0 };
