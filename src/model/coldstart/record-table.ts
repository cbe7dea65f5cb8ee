// Which functions REAP has recorded (or is recording) per node: two bits per (node, function),
// so the table's size is set by the fleet and the functions a node has started, not by how long
// the run is. Maps keyed by function held ~8.5 MB of hash tables after a day of the 10,000-function
// benchmark trace on 1,000 nodes (0.8 MB after an hour); this table holds at most 2.5 MB there.
import { grown } from '../../engine/grown.ts';

/** 0 = not recorded, 1 = recording in progress, 2 = recorded. */
export type RecordState = 0 | 1 | 2;

export class RecordTable {
  /** Per row: four functions per byte, function f in bits 2*(f % 4) and up of byte f >> 2. */
  private readonly rows: (Uint8Array | undefined)[];

  constructor(rows: number) {
    this.rows = new Array<Uint8Array | undefined>(rows).fill(undefined);
  }

  get(row: number, fn: number): RecordState {
    const r = this.rows[row];
    const b = fn >> 2;
    if (r === undefined || b >= r.length) return 0;
    return ((r[b]! >> ((fn & 3) << 1)) & 3) as RecordState;
  }

  set(row: number, fn: number, state: RecordState): void {
    const b = fn >> 2;
    let r = this.rows[row];
    if (r === undefined || b >= r.length) {
      // Grown by half again: a node meets functions in no particular index order.
      const cap = Math.max(b + 1, r === undefined ? 64 : Math.ceil(r.length * 1.5));
      r = r === undefined ? new Uint8Array(cap) : grown(r, cap);
      this.rows[row] = r;
    }
    const shift = (fn & 3) << 1;
    r[b] = (r[b]! & ~(3 << shift)) | (state << shift);
  }

  /** Bytes held (for tests and reports). */
  get bytes(): number {
    let n = 0;
    for (const r of this.rows) n += r?.length ?? 0;
    return n;
  }
}
