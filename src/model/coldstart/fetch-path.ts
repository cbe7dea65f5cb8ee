// A provider's cold start as a mechanism (AWS Lambda's Init: "downloads the code for the function
// and all layers ... initializes the runtime"): fetch the package or image from the provider's
// store at a bandwidth, then start the runtime. Calibrated to STeLLAR (IISWC'21 §VI-B), see
// docs/providers.md. Fetches do not contend with each other (not modelled).
import type { Distribution } from '../../engine/distributions.ts';
import { standardNormal } from '../../engine/distributions.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { StartDone, StartFunctionView, StartPath, StartPathContext } from './start-path.ts';
import { PRIORITY } from '../event-priority.ts';

export interface FetchStartOptions {
  readonly runtime: string;
  readonly packaging: string;
  /** Bytes fetched beyond the baseline inside `runtimeStart`. */
  readonly sizeBytes: number;
  readonly storeBitsPerSec: number;
  /** Log-normal sigma of the per-fetch throughput factor (median 1). */
  readonly fetchSigma: number;
  readonly runtimeStart: Distribution;
  /** Per-function fixed cold-start delays (functions[].coldStart), indexed by function; null: none. */
  readonly overrides: readonly (Distribution | null)[];
  readonly functionNames: readonly string[];
}

export class FetchStartPath implements StartPath {
  readonly name: string;
  readonly phaseNames = ['fetch', 'runtime'] as const;
  private readonly kind: number;
  /** Starts under way: who to tell, and the whole delay (fetch + runtime). */
  private readonly pending = new Map<number, { readonly done: StartDone; readonly totalUs: number }>();
  private readonly rngs: RandomStream[] = [];
  private readonly fetchUs: number;

  constructor(
    private readonly ctx: StartPathContext,
    private readonly o: FetchStartOptions,
  ) {
    this.name = `fetch(runtime=${o.runtime},packaging=${o.packaging},size=${o.sizeBytes},bandwidth=${o.storeBitsPerSec},sigma=${o.fetchSigma},start=${o.runtimeStart.name})`;
    this.fetchUs = (8 * o.sizeBytes * 1e6) / o.storeBitsPerSec;
    this.kind = ctx.sim.register('coldstart/fetch-done', (id, d) => this.finish(id, d));
    for (const n of o.functionNames) this.rngs.push(ctx.rng.stream(`coldstart/${n}`));
  }

  start(instanceId: number, fn: StartFunctionView, _node: number, done: StartDone): void {
    const rng = this.rngs[fn.index]!;
    const override = this.o.overrides[fn.index];
    let fetch = 0;
    let runtime: number;
    if (override) runtime = Math.max(0, Math.round(override.sample(rng)));
    else {
      if (this.fetchUs > 0) fetch = Math.round(this.fetchUs * Math.exp(this.o.fetchSigma * standardNormal(rng)));
      runtime = Math.max(0, Math.round(this.o.runtimeStart.sample(rng)));
    }
    this.pending.set(instanceId, { done, totalUs: fetch + runtime });
    // The fetch time travels in the event; the runtime part is the rest of the delay.
    this.ctx.sim.scheduleIn(fetch + runtime, this.kind, instanceId, fetch, PRIORITY.ready);
  }

  private finish(instanceId: number, fetch: number): void {
    const p = this.pending.get(instanceId)!;
    this.pending.delete(instanceId);
    p.done(instanceId, { path: 'fetch', phases: { fetch, runtime: p.totalUs - fetch }, firstInvocationExtra: 0 });
  }
}
