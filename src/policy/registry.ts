// Builds policies from their canonical names, e.g. `fixed(ttl=10m)`, `kpa(stable=60s,panic=6s)`.
// Unknown names and parameters are errors that list what exists; defaults are filled in so the
// canonical name echoed in the summary shows every parameter the run used.
import { parseDuration } from '../engine/units.ts';
import { KnativePodAutoscaler } from './autoscaler/kpa.ts';
import { PerRequestAutoscaler } from './autoscaler/per-request.ts';
import { FixedTtlKeepAlive } from './keepalive/fixed-ttl.ts';
import { GreedyDualKeepAlive } from './keepalive/greedy-dual.ts';
import { HybridHistogramKeepAlive } from './keepalive/hybrid-histogram.ts';
import { LruKeepAlive } from './keepalive/lru.ts';
import { NoKeepAlive } from './keepalive/none.ts';
import { CacheAwarePlacement } from './placement/cache-aware.ts';
import { FirstFitPlacement } from './placement/first-fit.ts';
import { LeastLoadedPlacement } from './placement/least-loaded.ts';
import { RandomPlacement } from './placement/random.ts';
import { RoundRobinPlacement } from './placement/round-robin.ts';
import { checkParams, parsePolicySpec } from './spec.ts';
import { ParamReader } from './params.ts';
import { MAX_HISTOGRAM_BINS, SECOND_US } from '../input/limits.ts';
import type { AutoscalerPolicy, KeepAlivePolicy, PlacementPolicy, PolicyContext } from '../model/policy-interfaces.ts';

type Params = Readonly<Record<string, string>>;

interface Entry<T> {
  /** Parameters with their defaults, in canonical order. */
  readonly defaults: Readonly<Record<string, string>>;
  readonly build: (params: Params, text: string, ctx: PolicyContext) => T;
}

const canonical = (p: Params) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

const PLACEMENT: Record<string, Entry<PlacementPolicy>> = {
  'least-loaded': { defaults: {}, build: () => new LeastLoadedPlacement() },
  'first-fit': { defaults: {}, build: () => new FirstFitPlacement() },
  random: { defaults: {}, build: (_p, _t, ctx) => new RandomPlacement(ctx.random('placement')) },
  'round-robin': { defaults: {}, build: () => new RoundRobinPlacement() },
  'cache-aware': { defaults: {}, build: () => new CacheAwarePlacement() },
};

const AUTOSCALER: Record<string, Entry<AutoscalerPolicy>> = {
  'per-request': { defaults: {}, build: () => new PerRequestAutoscaler() },
  kpa: {
    defaults: { tick: '2s', stable: '60s', panic: '6s', threshold: '200%', target: '70%', maxScaleUp: '1000', maxScaleDown: '2', grace: '30s' },
    build: (p) => {
      // Domains as Knative's config validation (pkg/autoscaler/config): stable window 6s..1h,
      // panic window 1-100% of it, panic threshold 110-1000%, target utilization (0, 100%],
      // scale rates > 1, scale-to-zero grace >= 6s; the tick must fit in the panic window.
      const r = new ParamReader('kpa', p);
      const tickUs = r.duration('tick');
      const stableUs = r.duration('stable', { min: 6 * SECOND_US, zero: true, minText: '>= 6s' });
      if (stableUs > 3600 * SECOND_US) r.problem(`stable: expected a duration <= 1h (Knative's window maximum), got ${p.stable}`);
      const panicUs = r.duration('panic');
      const threshold = r.fraction('threshold', 1.1, 10, 'from 110% to 1000%');
      const target = r.fraction('target', 0, 1, 'in (0%, 100%]', true);
      const up = r.number('maxScaleUp', 1, Number.MAX_SAFE_INTEGER, '> 1', true);
      const down = r.number('maxScaleDown', 1, Number.MAX_SAFE_INTEGER, '> 1', true);
      const grace = r.duration('grace', { min: 6 * SECOND_US, zero: true, minText: '>= 6s' });
      if (panicUs > stableUs) r.problem(`panic (${p.panic}) must not exceed stable (${p.stable})`);
      else if (panicUs < stableUs / 100) r.problem(`panic (${p.panic}) must be at least 1% of stable (${p.stable})`);
      if (tickUs > panicUs) r.problem(`tick (${p.tick}) must not exceed panic (${p.panic})`);
      r.done();
      return new KnativePodAutoscaler({
        tickUs,
        stableUs,
        panicUs,
        panicThreshold: threshold,
        targetUtilization: target,
        maxScaleUpRate: up,
        maxScaleDownRate: down,
        scaleToZeroGraceUs: grace,
        text: canonical(p),
      });
    },
  },
};

const KEEPALIVE: Record<string, Entry<KeepAlivePolicy>> = {
  fixed: {
    defaults: { ttl: '10m' },
    build: (p) => {
      const r = new ParamReader('fixed', p);
      const ttl = r.duration('ttl'); // ttl=0 is the 'none' policy; the fixed one needs a time to wait
      r.done();
      return new FixedTtlKeepAlive(ttl, p.ttl!);
    },
  },
  // Presets: the providers' fixed keep-alive (Shahrad et al., ATC'20; STeLLAR footnote 5).
  lambda: { defaults: {}, build: () => new FixedTtlKeepAlive(parseDuration('10m'), '10m') },
  azure: { defaults: {}, build: () => new FixedTtlKeepAlive(parseDuration('20m'), '20m') },
  none: { defaults: {}, build: () => new NoKeepAlive() },
  lru: { defaults: {}, build: () => new LruKeepAlive() },
  'greedy-dual': { defaults: {}, build: () => new GreedyDualKeepAlive() },
  hybrid: {
    defaults: { range: '4h', bin: '1m', head: '5', tail: '99', margin: '10%', cv: '2', oob: '50%' },
    build: (p) => {
      const r = new ParamReader('hybrid', p);
      const rangeUs = r.duration('range');
      const binUs = r.duration('bin');
      const head = r.number('head', 0, 100, 'a percentile from 0 to 100');
      const tail = r.number('tail', 0, 100, 'a percentile from 0 to 100');
      // A margin past 100% would make the pre-warm window start before the idle time began.
      const margin = r.fraction('margin', 0, 1, 'from 0% to 100%');
      const cv = r.number('cv', 0, 1e6, '> 0 and <= 1000000', true);
      const oob = r.fraction('oob', 0, 1, 'from 0% to 100%');
      if (binUs > rangeUs) r.problem(`bin (${p.bin}) must not exceed range (${p.range})`);
      else if (rangeUs / binUs > MAX_HISTOGRAM_BINS) {
        r.problem(`range / bin (${p.range} / ${p.bin}) gives ${Math.ceil(rangeUs / binUs)} bins per application; expected at most ${MAX_HISTOGRAM_BINS}`);
      }
      if (head >= tail) r.problem(`head (${p.head}) must be below tail (${p.tail})`);
      r.done();
      return new HybridHistogramKeepAlive({ rangeUs, binUs, head, tail, margin, cv, oob, text: canonical(p) });
    },
  },
};

const NO_RANDOM: PolicyContext = {
  random: () => {
    throw new Error('this policy needs a random stream; build it with a context');
  },
};

function build<T>(kind: string, table: Record<string, Entry<T>>, text: string, ctx: PolicyContext): T {
  const spec = parsePolicySpec(text);
  const entry = table[spec.name];
  if (!entry) {
    throw new Error(`unknown ${kind} policy "${spec.name}" (known: ${Object.keys(table).join(', ')})`);
  }
  checkParams(spec, Object.keys(entry.defaults));
  const params = { ...entry.defaults, ...spec.params };
  return entry.build(params, text, ctx);
}

export const buildPlacement = (text: string, ctx: PolicyContext = NO_RANDOM): PlacementPolicy => build('placement', PLACEMENT, text, ctx);
export const buildAutoscaler = (text: string, ctx: PolicyContext = NO_RANDOM): AutoscalerPolicy => build('autoscaler', AUTOSCALER, text, ctx);
export const buildKeepAlive = (text: string, ctx: PolicyContext = NO_RANDOM): KeepAlivePolicy => build('keep-alive', KEEPALIVE, text, ctx);
