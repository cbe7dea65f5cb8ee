// The random streams of one cell of a divided fleet (docs/scale.md). A stream that belongs to one
// function or workflow (its arrivals, execution times, cold-start delays, front-end hops, payload
// sizes) is the undivided run's, drawn from the master seed, so that each function sees the same
// draws whatever K; the streams a whole cell shares (a policy's, a transfer service's, the boot
// path's) are the cell's own, from the master seed and the cell index.
import { RandomStreams, type RandomStream } from '../engine/random.ts';

/** Kinds of stream named `<kind>/<function name>` (model/ names them so; workload sources draw from the master seed anyway). */
const PER_FUNCTION = ['durations', 'coldstart', 'frontend'] as const;
/** Kinds of stream named `<kind>/<workflow name>`. */
const PER_WORKFLOW = ['payload'] as const;

export class CellStreams extends RandomStreams {
  private readonly master: RandomStreams;
  private readonly owned: ReadonlySet<string>;

  constructor(seed: number, cell: number, functions: readonly string[], workflows: readonly string[]) {
    super(`${seed}/cell/${cell}`);
    this.master = new RandomStreams(seed);
    const owned = new Set<string>();
    for (const f of functions) for (const k of PER_FUNCTION) owned.add(`${k}/${f}`);
    for (const w of workflows) for (const k of PER_WORKFLOW) owned.add(`${k}/${w}`);
    this.owned = owned;
  }

  override stream(name: string): RandomStream {
    return this.owned.has(name) ? this.master.stream(name) : super.stream(name);
  }
}
