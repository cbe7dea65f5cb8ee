// A node's idle instances in least-recently-idle order, as a doubly linked list threaded through
// the instances themselves: moving an instance in or out is O(1) with no hashing or allocation
// (a Set did the same in insertion order, but hashed on every warm request).
import type { Instance } from './instance.ts';

export class IdleList implements Iterable<Instance> {
  private head: Instance | null = null;

  /** The least recently idle instance; walk on with `idleNext` (no iterator allocation). */
  get oldest(): Instance | null {
    return this.head;
  }

  private tail: Instance | null = null;
  size = 0;
  /** Memory of the listed instances (MiB). */
  memoryMiB = 0;

  /** Appends `inst` (it must not be listed). */
  add(inst: Instance): void {
    inst.idlePrev = this.tail;
    inst.idleNext = null;
    if (this.tail !== null) this.tail.idleNext = inst;
    else this.head = inst;
    this.tail = inst;
    inst.idleListed = true;
    this.size++;
    this.memoryMiB += inst.memoryMiB;
  }

  /** Unlinks `inst` if it is listed. */
  delete(inst: Instance): void {
    if (!inst.idleListed) return;
    const p = inst.idlePrev;
    const n = inst.idleNext;
    if (p !== null) p.idleNext = n;
    else this.head = n;
    if (n !== null) n.idlePrev = p;
    else this.tail = p;
    inst.idlePrev = null;
    inst.idleNext = null;
    inst.idleListed = false;
    this.size--;
    this.memoryMiB -= inst.memoryMiB;
  }

  /**
   * Oldest first. Unlinking the instance just visited is safe; other changes are not. Allocates
   * per step: hot paths walk `oldest`/`idleNext` instead.
   */
  *[Symbol.iterator](): Iterator<Instance> {
    let cur = this.head;
    while (cur !== null) {
      const next = cur.idleNext;
      yield cur;
      cur = next;
    }
  }
}
