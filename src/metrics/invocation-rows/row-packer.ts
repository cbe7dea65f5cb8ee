// Packing an ended invocation into a row of numbers (row-slots.ts) on the simulation thread: a few
// dozen stores, no string built. Strings become codes of a table that travels with the batches.
import type { Invocation } from '../../model/invocation.ts';
import {
  ARRIVAL,
  COLD,
  COMPUTE,
  DISPATCH,
  END,
  FIXED_SLOTS,
  FN,
  ID,
  INSTANCE,
  NODE,
  OUTCOME,
  REASON,
  REQUESTED,
  type RowLayout,
  START_PATH,
} from './row-slots.ts';

/** What a row is made of: read during add() only, never kept (the platform may reuse the object). */
export type RowSource = Pick<
  Invocation,
  'id' | 'fn' | 'arrival' | 'dispatch' | 'end' | 'outcome' | 'reason' | 'startPath' | 'cold' | 'node' | 'instance' | 'requested' | 'computeStart' | 'computeEnd'
>;

/** The strings of the last row and their codes (null: none yet, as no row has a null string). */
function emptyLast(): {
  outcome: string | null;
  outcomeCode: number;
  reason: string | null;
  reasonCode: number;
  startPath: string | null;
  startPathCode: number;
} {
  return { outcome: null, outcomeCode: 0, reason: null, reasonCode: 0, startPath: null, startPathCode: 0 };
}

/** Strings interned since the table was last sent, for the formatter's copy (RowFormatter.addStrings). */
export interface NewStrings {
  readonly strings: readonly string[];
  /** The table started over before them. */
  readonly reset: boolean;
}

/**
 * Fills the batch `rows` row by row (`count` so far). The caller hands a full batch on, then
 * clears `count` or gives a fresh buffer (next()); the string table goes with it (takeStrings()).
 */
export class RowPacker {
  rows: Float64Array;
  count = 0;
  private codes = new Map<string, number>();
  private last = emptyLast();
  private strings: string[] = [];
  private sentStrings = 0;
  private resetStrings = false;

  constructor(
    rows: Float64Array,
    private readonly layout: RowLayout,
    private readonly phaseNames: readonly string[],
    /** Interned strings kept before the table starts over. */
    private readonly stringTableLimit: number,
  ) {
    this.rows = rows;
  }

  add(inv: RowSource, phases: Readonly<Record<string, number>> | undefined): void {
    const b = this.rows;
    const o = this.count * this.layout.stride;
    b[o + ID] = inv.id;
    b[o + FN] = inv.fn;
    b[o + ARRIVAL] = inv.arrival;
    b[o + DISPATCH] = inv.dispatch;
    b[o + END] = inv.end;
    // Consecutive rows mostly repeat these strings: a one-entry cache each saves the map lookups.
    const c = this.last;
    if (inv.outcome !== c.outcome) {
      c.outcome = inv.outcome;
      c.outcomeCode = this.code(inv.outcome);
    }
    if (inv.reason !== c.reason) {
      c.reason = inv.reason;
      c.reasonCode = this.code(inv.reason);
    }
    if (inv.startPath !== c.startPath) {
      c.startPath = inv.startPath;
      c.startPathCode = this.code(inv.startPath);
    }
    b[o + OUTCOME] = c.outcomeCode;
    b[o + REASON] = c.reasonCode;
    b[o + START_PATH] = c.startPathCode;
    b[o + COLD] = inv.cold ? 1 : 0;
    b[o + NODE] = inv.node;
    b[o + INSTANCE] = inv.instance;
    b[o + REQUESTED] = inv.requested;
    const computeStart = inv.computeStart;
    const computeEnd = inv.computeEnd;
    b[o + COMPUTE] = computeStart >= 0 && computeEnd >= 0 ? computeEnd - computeStart : -1;
    const maskSlots = this.layout.maskSlots;
    if (maskSlots > 0) {
      if (phases === undefined) {
        for (let m = 0; m < maskSlots; m++) b[o + FIXED_SLOTS + m] = 0;
      } else {
        // A bitmask, not NaN, marks absent phases: a phase may itself be NaN, and warm rows then
        // skip the value slots entirely.
        const names = this.phaseNames;
        const values = o + FIXED_SLOTS + maskSlots;
        let mask = 0;
        for (let i = 0; i < names.length; i++) {
          const v = phases[names[i]!];
          if (v !== undefined) {
            b[values + i] = v;
            mask |= 1 << (i & 31);
          }
          if ((i & 31) === 31 || i === names.length - 1) {
            b[o + FIXED_SLOTS + (i >>> 5)] = mask >>> 0;
            mask = 0;
          }
        }
      }
    }
    this.count++;
  }

  /** The strings interned since the last call (the batch about to be handed on refers to them). */
  takeStrings(): NewStrings {
    const strings = this.sentStrings === this.strings.length ? [] : this.strings.slice(this.sentStrings);
    const reset = this.resetStrings;
    this.sentStrings = this.strings.length;
    this.resetStrings = false;
    return { strings, reset };
  }

  /** The next takeStrings() gives the whole table, for a formatter that starts with an empty one. */
  resendStrings(): void {
    this.sentStrings = 0;
    this.resetStrings = false;
  }

  /** Starts the table over once it is past its limit: reasons can be built from data (e.g. `input-${failure}`). */
  boundStrings(): void {
    if (this.strings.length > this.stringTableLimit) {
      this.last = emptyLast();
      this.codes = new Map();
      this.strings = [];
      this.sentStrings = 0;
      this.resetStrings = true;
    }
  }

  private code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.strings.length;
      this.strings.push(s);
      this.codes.set(s, c);
    }
    return c;
  }
}
