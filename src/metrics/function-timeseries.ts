// function-timeseries.csv: the time series of chosen functions (output.functionTimeseries), sampled
// with timeseries.csv: instances by state and waiting requests at each sample, and what happened
// to the function during the interval. A function's rows sum with the others' to timeseries.csv's.
import { InstanceState } from '../model/instance.ts';
import type { Platform } from '../model/platform.ts';
import type { Recorder } from './recorder.ts';

export const FUNCTION_TIMESERIES_COLUMNS = [
  'time_s',
  'function',
  'instances',
  'starting',
  'idle',
  'busy',
  'queue_length',
  'arrivals',
  'completed',
  'cold_starts',
  'dropped',
] as const;

export class FunctionSeries {
  readonly rows: (string | number)[][] = [];
  /** Slot of each function in `fns`, or -1 when it is not sampled. */
  private readonly slot: Int32Array;
  private readonly idle: Int32Array;
  private readonly waiting: Int32Array;
  /** The tallies at the previous sample, per slot: arrivals, completed, cold, dropped. */
  private readonly last: Float64Array;

  constructor(
    private readonly platform: Platform,
    private readonly recorder: Recorder,
    private readonly fns: readonly number[],
    private readonly names: readonly string[],
  ) {
    this.slot = new Int32Array(names.length).fill(-1);
    fns.forEach((fn, k) => (this.slot[fn] = k));
    this.idle = new Int32Array(fns.length);
    this.waiting = new Int32Array(fns.length);
    this.last = new Float64Array(4 * fns.length);
  }

  sample(time: number): void {
    const n = this.fns.length;
    this.idle.fill(0);
    this.waiting.fill(0);
    // One pass over the live instances (in id order) for the states the platform keeps per node.
    this.platform.forEachInstance((inst) => {
      const k = this.slot[inst.fn]!;
      if (k < 0) return;
      if (inst.idleListed) this.idle[k]!++;
      else if (inst.state === InstanceState.Starting) this.waiting[k]! += inst.bound.length;
    });
    for (let k = 0; k < n; k++) {
      const fn = this.fns[k]!;
      const st = this.platform.functions[fn]!;
      const t = this.recorder.functions[fn]!;
      const o = 4 * k;
      const idle = this.idle[k]!;
      this.rows.push([
        time / 1e6,
        this.names[fn]!,
        st.instances,
        st.starting,
        idle,
        st.instances - idle - st.starting,
        st.queue.length + this.waiting[k]!,
        t.arrivals - this.last[o]!,
        t.completed - this.last[o + 1]!,
        t.cold - this.last[o + 2]!,
        t.dropped - this.last[o + 3]!,
      ]);
      this.last[o] = t.arrivals;
      this.last[o + 1] = t.completed;
      this.last[o + 2] = t.cold;
      this.last[o + 3] = t.dropped;
    }
  }
}
