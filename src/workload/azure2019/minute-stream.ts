// Replay of per-minute counts as a time-ordered arrival stream: each minute's counts are placed
// inside the minute by the arrival mode (on one random stream per function) and packed into keys,
// so memory stays bounded by the busiest minute and no object is allocated per arrival.
import { PackedMinuteStream } from '../packed-minute-stream.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { ArrivalMode } from '../trace-types.ts';
import { placeInMinute } from '../within-minute.ts';
import { MinuteCursor, type MinuteCounts } from './minute-counts.ts';

export class MinuteStream extends PackedMinuteStream {
  private offsets: Float64Array;
  private readonly streams: Array<RandomStream | undefined>;
  private readonly cursor: MinuteCursor;

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
    this.cursor = new MinuteCursor(counts);
    // Sized once for the busiest minute and the largest count (the counts never change), so
    // `fill` never grows them: grown by doubling, they ended up to 2x larger than needed (8 MB
    // more for a day of the 10k benchmark trace).
    let busiest = 0;
    for (let m = 0; m < counts.minutes; m++) busiest = Math.max(busiest, counts.total[m]!);
    this.reserve(busiest);
    this.offsets = new Float64Array(counts.maxCount);
    this.advance();
  }

  protected fill(m: number): number {
    if (m >= this.counts.minutes) return -1;
    const cur = this.cursor;
    cur.seek(m);
    let len = 0;
    while (cur.next()) {
      const f = cur.fn;
      const n = cur.count;
      const rng = (this.streams[f] ??= this.streamOf(f));
      placeInMinute(this.mode, n, this.shift, rng, this.offsets);
      for (let k = 0; k < n; k++) this.keys[len++] = this.offsets[k]! * this.span + f;
    }
    return len;
  }
}
