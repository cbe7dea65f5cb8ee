// Replay of per-minute counts as a time-ordered arrival stream: each minute's counts are placed
// inside the minute by the arrival mode (on one random stream per function) and packed into keys,
// so memory stays bounded by the busiest minute and no object is allocated per arrival.
import { PackedMinuteStream } from '../packed-minute-stream.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { ArrivalMode } from '../trace-types.ts';
import { placeInMinute } from '../within-minute.ts';
import type { MinuteCounts } from './minute-counts.ts';

export class MinuteStream extends PackedMinuteStream {
  private offsets = new Float64Array(256);
  private readonly streams: Array<RandomStream | undefined>;

  constructor(
    private readonly counts: MinuteCounts,
    functions: number,
    baseIndex: number,
    private readonly mode: ArrivalMode,
    private readonly shift: boolean,
    private readonly streamOf: (fn: number) => RandomStream,
  ) {
    super(functions, baseIndex);
    this.streams = new Array(functions);
    this.advance();
  }

  protected fill(m: number): number {
    const { start, fn, count, minutes } = this.counts;
    if (m >= minutes) return -1;
    let total = 0;
    for (let e = start[m]!; e < start[m + 1]!; e++) total += count[e]!;
    this.reserve(total);
    let len = 0;
    for (let e = start[m]!; e < start[m + 1]!; e++) {
      const f = fn[e]!;
      const n = count[e]!;
      if (n > this.offsets.length) this.offsets = new Float64Array(Math.max(n, 2 * this.offsets.length));
      const rng = (this.streams[f] ??= this.streamOf(f));
      placeInMinute(this.mode, n, this.shift, rng, this.offsets);
      for (let k = 0; k < n; k++) this.keys[len++] = this.offsets[k]! * this.span + f;
    }
    return len;
  }
}
