// Nodes' cores without a platform (the cold-start experiments of `sim validate reap`): one
// processor-sharing CPU per node running host jobs only, with the same event discipline as the
// platform (one pending completion per node, moved in place).
import type { Simulator } from '../engine/simulator.ts';
import { ProcessorSharingCpu } from './cpu.ts';
import { HostJobs, type HostCpu, type HostJobListener } from './host-cpu.ts';
import { PRIORITY } from './event-priority.ts';

export class StandaloneHostCpus implements HostCpu {
  readonly cpus: ProcessorSharingCpu[];
  private readonly jobs = new HostJobs();
  private readonly kind: number;
  private finished = new Int32Array(64);

  constructor(
    private readonly sim: Simulator,
    coresPerNode: readonly number[],
  ) {
    this.cpus = coresPerNode.map((c, i) => new ProcessorSharingCpu(c, 'processor-sharing', null, i));
    this.kind = sim.registerSlots('host-cpu-done', coresPerNode.length, (n) => this.onDone(n));
  }

  run(node: number, workUs: number, listener: HostJobListener, token: number): void {
    const cpu = this.cpus[node]!;
    cpu.start(this.sim.now, this.jobs.open(listener, token), workUs, 1);
    this.reschedule(node);
  }

  private reschedule(node: number): void {
    const t = this.cpus[node]!.nextCompletion(this.sim.now);
    if (t >= 0) this.sim.setSlot(this.kind, node, t, PRIORITY.cpu);
  }

  private onDone(node: number): void {
    const cpu = this.cpus[node]!;
    cpu.fired();
    if (this.finished.length < cpu.running) this.finished = new Int32Array(2 * cpu.running);
    const done = this.finished;
    const k = cpu.collectFinished(this.sim.now, done);
    for (let i = 0; i < k; i++) this.jobs.finish(done[i]!);
    this.reschedule(node);
  }
}
