// Boot from scratch: start a Firecracker VM inside containerd and bring the runtime up, 700-1300 ms
// (REAP, ASPLOS'21 §2.2). Modelled plainly as a uniform draw with no device use: the paper gives a
// range and no distribution, and the boot is dominated by CPU-side work, not snapshot I/O.
import type { RandomStream } from '../../engine/random.ts';
import type { StartDone, StartFunctionView, StartPath, StartPathContext } from './start-path.ts';
import { PRIORITY } from '../event-priority.ts';

export class BootStartPath implements StartPath {
  readonly name: string;
  readonly phaseNames = ['boot'] as const;
  private readonly kind: number;
  private readonly pending = new Map<number, StartDone>();
  private readonly rng: RandomStream;
  private readonly sim: StartPathContext['sim'];

  constructor(
    ctx: StartPathContext,
    private readonly minUs: number,
    private readonly maxUs: number,
  ) {
    this.name = `boot(min=${minUs / 1000}ms,max=${maxUs / 1000}ms)`;
    this.kind = ctx.sim.register('coldstart/boot-done', (id, d) => this.finish(id, d));
    this.rng = ctx.rng.stream('coldstart/boot');
    this.sim = ctx.sim;
  }

  start(instanceId: number, _fn: StartFunctionView, _node: number, done: StartDone): void {
    const d = Math.ceil(this.minUs + (this.maxUs - this.minUs) * this.rng.next());
    this.pending.set(instanceId, done);
    this.sim.scheduleIn(d, this.kind, instanceId, d, PRIORITY.ready);
  }

  private finish(instanceId: number, d: number): void {
    const done = this.pending.get(instanceId)!;
    this.pending.delete(instanceId);
    // A booted instance has just initialised its runtime: its first invocation runs warm.
    done(instanceId, { path: 'boot', phases: { boot: d }, firstInvocationExtra: 0 });
  }
}
