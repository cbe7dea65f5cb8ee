// Periodic samples of the datacenter state (instances by state, memory, queue, CPU demand) and of
// what happened in each interval (arrivals, completions, cold starts, drops).
import type { Simulator } from '../engine/simulator.ts';
import type { Platform } from '../model/platform.ts';
import { PRIORITY } from '../model/event-priority.ts';
import type { Recorder } from './recorder.ts';
import type { FunctionSeries } from './function-timeseries.ts';

export const TIMESERIES_COLUMNS = [
  'time_s',
  'instances',
  'starting',
  'idle',
  'busy',
  'memory_used_mib',
  'queue_length',
  'busy_vcpus',
  'arrivals',
  'completed',
  'cold_starts',
  'dropped',
] as const;

export type TimeseriesRow = number[];

export class TimeseriesSampler {
  readonly rows: TimeseriesRow[] = [];
  private readonly kind: number;

  constructor(
    private readonly sim: Simulator,
    private readonly platform: Platform,
    private readonly recorder: Recorder,
    private readonly interval: number,
    /** Per-function series sampled at the same times, if the scenario asks for one. */
    readonly functions: FunctionSeries | null = null,
  ) {
    this.kind = sim.register('timeseries-sample', () => this.onTick());
    sim.schedule(interval, this.kind, 0, 0, PRIORITY.sample);
  }

  private onTick(): void {
    this.sample(this.sim.now);
    this.sim.scheduleIn(this.interval, this.kind, 0, 0, PRIORITY.sample);
  }

  /** Records the state at `time` and resets the interval counters. */
  sample(time: number): void {
    const p = this.platform;
    const r = this.recorder;
    let idle = 0;
    let used = 0;
    let vcpus = 0;
    for (const n of p.nodes) {
      idle += n.idle.size;
      used += n.usedMiB;
      vcpus += n.busyVcpus;
    }
    const live = p.liveInstances;
    const starting = r.starting;
    this.rows.push([
      time / 1e6,
      live,
      starting,
      idle,
      live - idle - starting,
      used,
      p.queued,
      vcpus,
      r.intervalArrivals,
      r.intervalCompleted,
      r.intervalCold,
      r.intervalDropped,
    ]);
    this.functions?.sample(time);
    r.intervalArrivals = 0;
    r.intervalCompleted = 0;
    r.intervalCold = 0;
    r.intervalDropped = 0;
  }
}
