// Builds policies from their canonical names. Unknown names and parameters are errors that list
// what exists, so that scenario validation can report them with their JSON path.
import { parseDuration } from '../engine/units.ts';
import { LeastLoadedPlacement } from './placement/least-loaded.ts';
import { PerRequestAutoscaler } from './autoscaler/per-request.ts';
import { FixedTtlKeepAlive } from './keepalive/fixed-ttl.ts';
import { NoKeepAlive } from './keepalive/none.ts';
import { checkParams, parsePolicySpec } from './spec.ts';
import type { AutoscalerPolicy, KeepAlivePolicy, PlacementPolicy } from './types.ts';

type Factory<T> = (params: Readonly<Record<string, string>>) => T;

interface Entry<T> {
  readonly params: readonly string[];
  readonly build: Factory<T>;
}

const PLACEMENT: Record<string, Entry<PlacementPolicy>> = {
  'least-loaded': { params: [], build: () => new LeastLoadedPlacement() },
};

const AUTOSCALER: Record<string, Entry<AutoscalerPolicy>> = {
  'per-request': { params: [], build: () => new PerRequestAutoscaler() },
};

const KEEPALIVE: Record<string, Entry<KeepAlivePolicy>> = {
  fixed: {
    params: ['ttl'],
    build: (p) => {
      const ttl = p.ttl ?? '10m';
      return new FixedTtlKeepAlive(parseDuration(ttl), ttl);
    },
  },
  none: { params: [], build: () => new NoKeepAlive() },
};

function build<T>(kind: string, table: Record<string, Entry<T>>, text: string): T {
  const spec = parsePolicySpec(text);
  const entry = table[spec.name];
  if (!entry) {
    throw new Error(`unknown ${kind} policy "${spec.name}" (known: ${Object.keys(table).join(', ')})`);
  }
  checkParams(spec, entry.params);
  return entry.build(spec.params);
}

export const buildPlacement = (text: string): PlacementPolicy => build('placement', PLACEMENT, text);
export const buildAutoscaler = (text: string): AutoscalerPolicy => build('autoscaler', AUTOSCALER, text);
export const buildKeepAlive = (text: string): KeepAlivePolicy => build('keep-alive', KEEPALIVE, text);
