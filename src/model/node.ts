// A worker node: cores shared by processor sharing, memory held by instances, and its idle
// instances with the order in which they went idle (for least-recently-used eviction).
import { ProcessorSharingCpu, type CpuMode } from './cpu.ts';
import type { FleetTable } from './fleet-table.ts';
import { IdleList } from './idle-list.ts';
import { checkNodeMemory } from './invariants.ts';

export class Node {
  private used = 0;
  instanceCount = 0;
  readonly idle = new IdleList();
  readonly cpu: ProcessorSharingCpu;

  constructor(
    readonly index: number,
    readonly group: number,
    readonly cores: number,
    readonly memoryMiB: number,
    cpuMode: CpuMode,
    private readonly table: FleetTable,
  ) {
    this.cpu = new ProcessorSharingCpu(cores, cpuMode, table.busyVcpus, index);
    table.freeMiB[index] = memoryMiB;
    table.cores[index] = cores;
  }

  get usedMiB(): number {
    return this.used;
  }

  /** Sets memory in use outright (tests, and callers without a clock: time unknown). */
  set usedMiB(v: number) {
    this.setUsed(v, NaN);
  }

  /** Holds `mib` more for an instance starting at `now`. */
  reserve(mib: number, now: number): void {
    this.setUsed(this.used + mib, now);
  }

  /** Gives back `mib` at `now` (an instance torn down). */
  unreserve(mib: number, now: number): void {
    this.setUsed(this.used - mib, now);
  }

  private setUsed(v: number, now: number): void {
    checkNodeMemory(this.index, v, this.memoryMiB, now);
    this.used = v;
    this.table.freeMiB[this.index] = this.memoryMiB - v;
  }

  get busyVcpus(): number {
    return this.cpu.busyVcpus;
  }

  get freeMiB(): number {
    return this.memoryMiB - this.usedMiB;
  }
}
