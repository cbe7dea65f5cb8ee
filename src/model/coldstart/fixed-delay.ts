// The simplest start path: a cold start takes a delay drawn from a distribution (by default the
// 700-1300 ms to boot a Firecracker VM inside containerd reported by REAP, ASPLOS'21 section 2.2),
// with no resources involved. Used when snapshots are not modelled, and as a per-function override.
import type { Distribution } from '../../engine/distributions.ts';
import type { RandomStream } from '../../engine/random.ts';
import type { StartDone, StartFunctionView, StartOutcome, StartPath, StartPathContext } from './start-path.ts';
import { PRIORITY } from '../event-priority.ts';

export class FixedDelayStartPath implements StartPath {
  readonly name: string;
  readonly phaseNames = ['delay'] as const;
  private readonly kind: number;
  private readonly pending = new Map<number, StartDone>();
  private readonly rngs: RandomStream[] = [];

  constructor(
    private readonly ctx: StartPathContext,
    private readonly delay: Distribution,
    /** Per-function overrides, indexed by function index (null: use `delay`). */
    private readonly overrides: readonly (Distribution | null)[],
    functionNames: readonly string[],
  ) {
    this.name = `delay(${delay.name})`;
    this.kind = ctx.sim.register('start-delay-done', (id, d) => this.finish(id, d));
    for (const n of functionNames) this.rngs.push(ctx.rng.stream(`coldstart/${n}`));
  }

  start(instanceId: number, fn: StartFunctionView, _node: number, done: StartDone): void {
    const dist = this.overrides[fn.index] ?? this.delay;
    const d = Math.max(0, Math.round(dist.sample(this.rngs[fn.index]!)));
    this.pending.set(instanceId, done);
    this.ctx.sim.scheduleIn(d, this.kind, instanceId, d, PRIORITY.ready);
  }

  private finish(instanceId: number, delay: number): void {
    const done = this.pending.get(instanceId)!;
    this.pending.delete(instanceId);
    const outcome: StartOutcome = { path: 'delay', phases: { delay }, firstInvocationExtra: 0 };
    done(instanceId, outcome);
  }
}
