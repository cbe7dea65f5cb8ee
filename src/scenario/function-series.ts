// Which functions get a per-function time series (output.functionTimeseries): the ones named, then
// the top k by expected arrivals, known before the run so the series can be sampled as it goes
// (trace functions: the trace's invocations in the replayed window; synthetic sources: rate x
// window, fixed and burst sources their count, workflow stages x fanout). Ties: declaration order.
import { parseDuration } from '../engine/units.ts';
import type { FunctionSpec } from '../model/function.ts';
import { InputError } from '../input/errors.ts';
import { sourceOf, syntheticArrivals } from './estimate.ts';
import type { ResolvedScenario } from './schema.ts';
import type { LoadedTraces } from './traces.ts';

/** Expected arrivals of each function (by index in `functions`), before the run. */
export function expectedArrivals(s: ResolvedScenario, functions: readonly FunctionSpec[], traces: LoadedTraces): Float64Array {
  const out = new Float64Array(functions.length);
  const index = new Map(functions.map((f, i) => [f.name, i]));
  const duration = parseDuration(s.duration);
  let base = s.functions.length;
  s.workload.forEach((w, i) => {
    if ('azure2019' in w || 'azure2021' in w) {
      const t = traces[i];
      if (!t) return;
      const [from, to] = t.report.windowMinutes;
      const windowUs = (to - from) * 60e6;
      const share = windowUs > 0 ? Math.min(1, duration / windowUs) : 1;
      t.functions.forEach((f, k) => (out[base + k] = f.invocations * share));
      base += t.functions.length;
      return;
    }
    const src = sourceOf(w);
    const n = syntheticArrivals(w, duration);
    if (src.workflow !== undefined) {
      for (const st of s.workflows.find((x) => x.name === src.workflow)?.stages ?? []) {
        const k = index.get(st.function);
        if (k !== undefined) out[k]! += n * st.fanout;
      }
    } else {
      const k = index.get(src.function ?? '');
      if (k !== undefined) out[k]! += n;
    }
  });
  return out;
}

/** Indices of the functions to sample, in row order; an unknown name is an InputError. */
export function seriesFunctions(s: ResolvedScenario, functions: readonly FunctionSpec[], traces: LoadedTraces): number[] {
  const spec = s.output.functionTimeseries;
  if (!spec) return [];
  const index = new Map(functions.map((f, i) => [f.name, i]));
  const chosen: number[] = [];
  const seen = new Set<number>();
  const missing: { where: string; message: string }[] = [];
  spec.functions.forEach((name, i) => {
    const k = index.get(name);
    if (k === undefined)
      missing.push({ where: `output.functionTimeseries.functions[${i}]`, message: `no function named "${name}" (declared or from a trace source)` });
    else if (!seen.has(k)) {
      seen.add(k);
      chosen.push(k);
    }
  });
  if (missing.length) throw new InputError(missing);
  if (spec.top > 0) {
    const expected = expectedArrivals(s, functions, traces);
    const order = functions.map((_, i) => i).filter((i) => !seen.has(i) && expected[i]! > 0);
    order.sort((a, b) => expected[b]! - expected[a]! || a - b);
    chosen.push(...order.slice(0, spec.top));
  }
  return chosen;
}
