// Per-minute invocation counts of one synthetic function for one day: exact periodic timers,
// diurnally modulated Poisson, or a Markov on/off (bursty) Poisson process whose long-run mean
// equals the function's rate, times its weekend factor on days 6 and 7 of each week (day 1 a
// Monday). State carries over from one day to the next.
import type { RandomStream } from '../../engine/random.ts';
import type { SynthFunction } from './model.ts';
import { poisson } from './poisson.ts';

const DAY = 1440;

export class FunctionCounter {
  private on: boolean | undefined;

  constructor(
    private readonly f: SynthFunction,
    private readonly rng: RandomStream,
  ) {}

  /** Fills out[0..1440) with the counts of day `day` (0-based); days must be asked in order. */
  day(day: number, out: Int32Array): number {
    const f = this.f;
    const r = this.rng;
    let total = 0;
    if (f.pattern === 'periodic') {
      // Rarer than daily: one firing at the phase minute on a day with probability dailyRate.
      const rare = f.dailyRate < 1 && f.period === DAY;
      const fires = !rare || r.next() < f.dailyRate;
      for (let m = 0; m < DAY; m++) {
        const g = day * DAY + m;
        const c = fires && (g - f.phase) % f.period === 0 ? f.perFiring : 0;
        out[m] = c;
        total += c;
      }
      return total;
    }
    const base = ((day % 7 >= 5 ? f.weekend : 1) * f.dailyRate) / DAY;
    const bursty = f.pattern === 'bursty';
    const pOff = 1 / f.meanOn;
    const pOn = (pOff * f.onFraction) / (1 - f.onFraction);
    if (bursty && this.on === undefined) this.on = r.next() < f.onFraction;
    for (let m = 0; m < DAY; m++) {
      let lambda = base * (1 + f.amplitude * Math.cos((2 * Math.PI * (m - f.peak)) / DAY));
      if (bursty) {
        this.on = this.on ? r.next() >= pOff : r.next() < pOn;
        lambda = this.on ? lambda / f.onFraction : 0;
      }
      const c = poisson(lambda, r);
      out[m] = c;
      total += c;
    }
    return total;
  }
}
