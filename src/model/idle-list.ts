// A node's idle instances, least recently idle first. Going idle stamps the instance from a
// per-node counter and leaving idle clears its flag: no list is touched on a warm request. The
// order is only needed to pick an eviction victim, which scans the node's members for the
// lowest stamp (an append-only log touched two more cache lines per request, and compactions).
import type { Instance } from './instance.ts';

export class IdleList implements Iterable<Instance> {
  // Instances that have been idle on this node and are not forgotten (torn down), in no order;
  // an instance's `memberIndex` is its place here.
  private readonly members: Instance[] = [];
  private nextStamp = 0;
  size = 0;
  /** Memory of the listed instances (MiB). */
  memoryMiB = 0;

  /** Lists `inst` as the most recently idle (it must not be listed). */
  add(inst: Instance): void {
    if (inst.memberIndex < 0) {
      inst.memberIndex = this.members.length;
      this.members.push(inst);
    }
    inst.idleStamp = ++this.nextStamp;
    inst.idleListed = true;
    this.size++;
    this.memoryMiB += inst.memoryMiB;
  }

  /** Unlists `inst` if it is listed. */
  delete(inst: Instance): void {
    if (!inst.idleListed) return;
    inst.idleListed = false;
    this.size--;
    this.memoryMiB -= inst.memoryMiB;
  }

  /** Unlists `inst` for good (it was torn down), so the node no longer holds it. */
  forget(inst: Instance): void {
    this.delete(inst);
    const i = inst.memberIndex;
    if (i < 0) return;
    const last = this.members.pop()!;
    if (last !== inst) {
      this.members[i] = last;
      last.memberIndex = i;
    }
    inst.memberIndex = -1;
  }

  /** Number of members (listed or not) for `member(i)`: a walk over idle ones in no order. */
  get memberCount(): number {
    return this.members.length;
  }

  member(i: number): Instance {
    return this.members[i]!;
  }

  /**
   * The listed instance with the lowest `key` for which `eligible` holds, ties to the least
   * recently idle (no key: the least recently idle eligible one); undefined if none.
   */
  pick(eligible: (inst: Instance) => boolean, key: ((inst: Instance) => number) | null): Instance | undefined {
    let best: Instance | undefined;
    let bestKey = Infinity;
    const m = this.members;
    for (let i = 0; i < m.length; i++) {
      const inst = m[i]!;
      if (!inst.idleListed || !eligible(inst)) continue;
      // As a walk in idle order taking only strictly lower keys would: a key of +Infinity or NaN
      // is never picked.
      const k = key === null ? 0 : key(inst);
      if (k < bestKey || (best !== undefined && k === bestKey && inst.idleStamp < best.idleStamp)) {
        best = inst;
        bestKey = k;
      }
    }
    return best;
  }

  /** Least recently idle first (sorts a copy: for inspection and tests, not hot paths). */
  *[Symbol.iterator](): Iterator<Instance> {
    const listed = this.members.filter((inst) => inst.idleListed).sort((a, b) => a.idleStamp - b.idleStamp);
    for (const inst of listed) if (inst.idleListed) yield inst;
  }
}
