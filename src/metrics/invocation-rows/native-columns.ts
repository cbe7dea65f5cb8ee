// invocations.csv's own columns: times in integer microseconds (exact), empty fields for what an
// invocation that never ran does not have, phases empty unless its cold start reported them.
import { type ByteWriter, encodeField } from '../byte-writer.ts';
import { ARRIVAL, COLD, DISPATCH, END, FIXED_SLOTS, FN, ID, INSTANCE, NODE, OUTCOME, REASON, type RowLayout, START_PATH } from './row-slots.ts';

export function nativeColumns(phaseNames: readonly string[]): string[] {
  return [
    'id',
    'function',
    'arrival_us',
    'dispatch_us',
    'end_us',
    'outcome',
    'reason',
    'start_path',
    'cold',
    'wait_us',
    'exec_us',
    'latency_us',
    'node',
    'instance',
    ...phaseNames.map((p) => `phase_${p}`),
  ];
}

export class NativeFormatter {
  /** Encoded function names, filled on first use (traces can declare many never invoked). */
  private readonly fnBytes: (Uint8Array | undefined)[];

  constructor(
    private readonly w: ByteWriter,
    private readonly functionNames: readonly string[],
    phaseNames: readonly string[],
    header: boolean,
  ) {
    this.fnBytes = new Array<Uint8Array | undefined>(functionNames.length);
    if (header) {
      const cols = nativeColumns(phaseNames);
      for (let i = 0; i < cols.length; i++) {
        if (i > 0) w.comma();
        w.text(cols[i]!);
      }
      w.newline();
    }
  }

  /** `str`: the encoded string table the outcome, reason and start-path codes index. */
  format(rows: Float64Array, count: number, layout: RowLayout, str: readonly Uint8Array[]): void {
    const w = this.w;
    const { stride, maskSlots, phaseCount } = layout;
    for (let r = 0, o = 0; r < count; r++, o += stride) {
      const arrival = rows[o + ARRIVAL]!;
      const dispatch = rows[o + DISPATCH]!;
      const end = rows[o + END]!;
      const ran = dispatch >= 0;
      const fn = rows[o + FN]!;
      const name = this.fnBytes[fn] ?? (this.fnBytes[fn] = encodeField(this.functionNames[fn]!));
      w.int(rows[o + ID]!)
        .comma()
        .bytes(name)
        .comma()
        .int(arrival)
        .comma();
      if (ran) w.int(dispatch);
      w.comma()
        .int(end)
        .comma()
        .bytes(str[rows[o + OUTCOME]!]!)
        .comma()
        .bytes(str[rows[o + REASON]!]!)
        .comma();
      if (ran) w.bytes(str[rows[o + START_PATH]!]!);
      w.comma()
        .int(rows[o + COLD]!)
        .comma();
      if (ran)
        w.int(dispatch - arrival)
          .comma()
          .int(end - dispatch);
      else w.comma();
      w.comma()
        .int(end - arrival)
        .comma();
      if (ran)
        w.int(rows[o + NODE]!)
          .comma()
          .int(rows[o + INSTANCE]!);
      else w.comma();
      const values = o + FIXED_SLOTS + maskSlots;
      for (let i = 0; i < phaseCount; i++) {
        w.comma();
        if ((rows[o + FIXED_SLOTS + (i >>> 5)]! & (1 << (i & 31))) !== 0) w.num(rows[values + i]!);
      }
      w.newline();
    }
  }
}
