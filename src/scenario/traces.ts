// Loads the trace workload sources of a scenario (Azure 2019 and 2021) before the simulation is
// built: the readers are asynchronous and stream the files; what they keep is bounded by the
// number of functions.
import { RandomStreams } from '../engine/random.ts';
import { loadAzure2019 } from '../workload/azure2019/load.ts';
import { loadAzure2021 } from '../workload/azure2021/load.ts';
import type { TraceWorkload } from '../workload/trace-types.ts';
import type { ResolvedScenario } from './schema.ts';

/** One entry per workload source: the loaded trace, or null for synthetic sources. */
export type LoadedTraces = readonly (TraceWorkload | null)[];

export async function loadTraces(s: ResolvedScenario): Promise<LoadedTraces> {
  const out: (TraceWorkload | null)[] = [];
  for (let i = 0; i < s.workload.length; i++) {
    const w = s.workload[i]!;
    // A stream set per source keeps sampling of one trace independent of the others.
    const rng = new RandomStreams(`${s.seed}/trace/${i}`);
    if ('azure2019' in w) {
      const t = w.azure2019;
      out.push(
        await loadAzure2019({
          dir: t.dir,
          days: t.days,
          windowMinutes: t.windowMinutes,
          sample: t.sample,
          arrivals: t.arrivals,
          shift: t.shift,
          rateScale: t.rateScale,
          memory: t.memory,
          rng,
        }),
      );
    } else if ('azure2021' in w) {
      const t = w.azure2021;
      out.push(
        await loadAzure2021({
          file: t.file,
          windowMinutes: t.windowMinutes,
          sample: t.sample,
          rateScale: t.rateScale,
          memoryMiB: t.memoryMiB,
          memory: t.memory,
          durations: t.durations,
          rng,
        }),
      );
    } else {
      out.push(null);
    }
  }
  return out;
}
