// A trace function as plain data and back (its empirical laws as points), for a trace that crosses
// to a worker thread (transfer.ts).
import { Empirical } from '../engine/distributions.ts';
import type { TraceFunctionData, TraceFunctionSpec } from './trace-types.ts';

/** A trace law as points; the readers make only empirical laws. */
function pointsOf(d: TraceFunctionSpec['duration'], what: string): [number, number][] {
  if (!(d instanceof Empirical)) throw new Error(`trace function ${what}: only empirical laws cross to a worker`);
  return d.points();
}

export function functionData(f: TraceFunctionSpec): TraceFunctionData {
  const { duration, memoryDistribution, ...rest } = f;
  return {
    ...rest,
    duration: pointsOf(duration, `${f.name} duration`),
    ...(memoryDistribution ? { memoryDistribution: pointsOf(memoryDistribution, `${f.name} memory`) } : {}),
  };
}

export function functionSpec(d: TraceFunctionData): TraceFunctionSpec {
  const { duration, memoryDistribution, ...rest } = d;
  return { ...rest, duration: new Empirical(duration), ...(memoryDistribution ? { memoryDistribution: new Empirical(memoryDistribution) } : {}) };
}
