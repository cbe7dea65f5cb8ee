// A node's idle instances in least-recently-idle order, as an append-only log with lazy removal:
// an instance going idle is appended with a fresh stamp, leaving idle only clears its flag, and
// entries whose stamp no longer matches are skipped and compacted away. A warm request thus
// touches only the instance itself (a linked list also touched both neighbours, a Set hashed).
import type { Instance } from './instance.ts';

export class IdleList implements Iterable<Instance> {
  // `len` entries are in use; the arrays are never shortened, because V8 trims a JS array whose
  // length drops below half its capacity and re-grows it on the next push (an allocation per
  // compaction, on every node). Slots past `len` hold null, so dead instances are not retained.
  private entries: (Instance | null)[] = [];
  private stamps: number[] = [];
  private len = 0;
  /** Index of the first entry that may be live (everything before it is stale). */
  private start = 0;
  private nextStamp = 0;
  size = 0;
  /** Memory of the listed instances (MiB). */
  memoryMiB = 0;

  /** Appends `inst` (it must not be listed). */
  add(inst: Instance): void {
    // Compact when stale entries outnumber live ones, so the log stays O(live) (amortised O(1)).
    // Done here rather than on delete, so that unlisting while walking the list is safe.
    if (this.len - this.start > 2 * this.size + 64) this.compact();
    const stamp = ++this.nextStamp;
    inst.idleStamp = stamp;
    inst.idleListed = true;
    if (this.len < this.entries.length) {
      this.entries[this.len] = inst;
      this.stamps[this.len] = stamp;
    } else {
      this.entries.push(inst);
      this.stamps.push(stamp);
    }
    this.len++;
    this.size++;
    this.memoryMiB += inst.memoryMiB;
  }

  /** Unlists `inst` if it is listed; its entry goes stale. */
  delete(inst: Instance): void {
    if (!inst.idleListed) return;
    inst.idleListed = false;
    this.size--;
    this.memoryMiB -= inst.memoryMiB;
  }

  /** Index of the first live entry at or after `i`, or -1. */
  private live(i: number): number {
    const entries = this.entries;
    const stamps = this.stamps;
    const len = this.len;
    for (; i < len; i++) {
      const inst = entries[i]!;
      if (inst.idleListed && inst.idleStamp === stamps[i]) return i;
    }
    return -1;
  }

  /** Cursor of the least recently idle instance (-1 if none); walk with `next`, read with `at`. */
  first(): number {
    const i = this.live(this.start);
    this.start = i < 0 ? this.len : i;
    return i;
  }

  next(cursor: number): number {
    return this.live(cursor + 1);
  }

  at(cursor: number): Instance {
    return this.entries[cursor]!;
  }

  private compact(): void {
    const entries = this.entries;
    const stamps = this.stamps;
    const len = this.len;
    let k = 0;
    for (let i = this.start; i < len; i++) {
      const inst = entries[i]!;
      if (inst.idleListed && inst.idleStamp === stamps[i]) {
        entries[k] = inst;
        stamps[k] = stamps[i]!;
        k++;
      }
    }
    for (let i = k; i < len; i++) entries[i] = null;
    this.len = k;
    this.start = 0;
  }

  /**
   * Oldest first. Unlisting while walking is safe; listing is not. Allocates per step: hot paths use
   * `first`/`next`/`at` instead.
   */
  *[Symbol.iterator](): Iterator<Instance> {
    for (let c = this.first(); c >= 0; c = this.next(c)) yield this.at(c);
  }
}
