// What `sim trace inspect` needs from a trace, whatever its format: one row per function
// (app, trigger, invocations, average/minimum/maximum duration), one per app with memory, the
// per-invocation durations as weighted points, and the per-row pattern counts.

export interface FunctionRow {
  app: string;
  /** null where the format has no trigger (2021). */
  trigger: string | null;
  invocations: number;
  averageMs: number | null;
  minimumMs: number | null;
  maximumMs: number | null;
  /** Largest average invocations per minute over the trace (timer firing rate). */
  perMinute: number;
}

export interface AppMemory {
  averageMb: number;
  maximumMb: number;
}

export interface TraceTable {
  format: 'azure2019' | 'azure2021';
  source: string;
  /** Days (2019) or the minutes the 2021 file spans, for rates. */
  days: number[];
  spanMinutes: number;
  functions: FunctionRow[];
  apps: Map<string, number>;
  memory: AppMemory[];
  /**
   * Per-invocation durations as (ms, weight) points: exact for 2021, for 2019 each function's
   * percentile bands weighted by its invocations (a band's mean value, linear inside the band).
   */
  durationPoints: { ms: Float64Array; weight: Float64Array; length: number };
  /** Aggregate invocations per hour, hour 0 = the first day's first hour (2019 only). */
  hourly: Float64Array | null;
  /** Eligible and matching function-days of the periodic and bursty tests (2019 only). */
  periodic: [number, number] | null;
  bursty: [number, number] | null;
}

export function pointBuffer(): TraceTable['durationPoints'] & { push(ms: number, w: number): void } {
  const b = {
    ms: new Float64Array(1024),
    weight: new Float64Array(1024),
    length: 0,
    push(ms: number, w: number): void {
      if (b.length === b.ms.length) {
        const ms2 = new Float64Array(b.length * 2),
          w2 = new Float64Array(b.length * 2);
        ms2.set(b.ms);
        w2.set(b.weight);
        b.ms = ms2;
        b.weight = w2;
      }
      b.ms[b.length] = ms;
      b.weight[b.length++] = w;
    },
  };
  return b;
}
