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
import type { AutoscalerPolicy, KeepAlivePolicy, PlacementPolicy, PolicyContext } from './types.ts';

type Params = Readonly<Record<string, string>>;

interface Entry<T> {
  /** Parameters with their defaults, in canonical order. */
  readonly defaults: Readonly<Record<string, string>>;
  readonly build: (params: Params, text: string, ctx: PolicyContext) => T;
}

/** "10%" -> 0.1, "2" -> 2 (a plain number is taken as is). */
export function parseFraction(v: string, what: string): number {
  const m = /^\s*([0-9.]+)\s*(%?)\s*$/.exec(v);
  if (!m || Number.isNaN(Number(m[1]))) throw new Error(`${what}: "${v}" is not a number or percentage`);
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

function num(v: string, what: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${what}: "${v}" is not a number`);
  return n;
}

const canonical = (p: Params) => Object.entries(p).map(([k, v]) => `${k}=${v}`).join(',');

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
    build: (p) =>
      new KnativePodAutoscaler({
        tickUs: parseDuration(p.tick!),
        stableUs: parseDuration(p.stable!),
        panicUs: parseDuration(p.panic!),
        panicThreshold: parseFraction(p.threshold!, 'kpa threshold'),
        targetUtilization: parseFraction(p.target!, 'kpa target'),
        maxScaleUpRate: num(p.maxScaleUp!, 'kpa maxScaleUp'),
        maxScaleDownRate: num(p.maxScaleDown!, 'kpa maxScaleDown'),
        scaleToZeroGraceUs: parseDuration(p.grace!),
        text: canonical(p),
      }),
  },
};

const KEEPALIVE: Record<string, Entry<KeepAlivePolicy>> = {
  fixed: { defaults: { ttl: '10m' }, build: (p) => new FixedTtlKeepAlive(parseDuration(p.ttl!), p.ttl!) },
  // Presets: the providers' fixed keep-alive (Shahrad et al., ATC'20; STeLLAR footnote 5).
  lambda: { defaults: {}, build: () => new FixedTtlKeepAlive(parseDuration('10m'), '10m') },
  azure: { defaults: {}, build: () => new FixedTtlKeepAlive(parseDuration('20m'), '20m') },
  none: { defaults: {}, build: () => new NoKeepAlive() },
  lru: { defaults: {}, build: () => new LruKeepAlive() },
  'greedy-dual': { defaults: {}, build: () => new GreedyDualKeepAlive() },
  hybrid: {
    defaults: { range: '4h', bin: '1m', head: '5', tail: '99', margin: '10%', cv: '2', oob: '50%' },
    build: (p) =>
      new HybridHistogramKeepAlive({
        rangeUs: parseDuration(p.range!),
        binUs: parseDuration(p.bin!),
        head: num(p.head!, 'hybrid head'),
        tail: num(p.tail!, 'hybrid tail'),
        margin: parseFraction(p.margin!, 'hybrid margin'),
        cv: num(p.cv!, 'hybrid cv'),
        oob: parseFraction(p.oob!, 'hybrid oob'),
        text: canonical(p),
      }),
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

export const buildPlacement = (text: string, ctx: PolicyContext = NO_RANDOM): PlacementPolicy =>
  build('placement', PLACEMENT, text, ctx);
export const buildAutoscaler = (text: string, ctx: PolicyContext = NO_RANDOM): AutoscalerPolicy =>
  build('autoscaler', AUTOSCALER, text, ctx);
export const buildKeepAlive = (text: string, ctx: PolicyContext = NO_RANDOM): KeepAlivePolicy =>
  build('keep-alive', KEEPALIVE, text, ctx);

export const policyNames = {
  placement: Object.keys(PLACEMENT),
  autoscaler: Object.keys(AUTOSCALER),
  keepAlive: Object.keys(KEEPALIVE),
};
