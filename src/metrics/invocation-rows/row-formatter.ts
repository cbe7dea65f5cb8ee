// Turns packed row batches into CSV bytes, on whichever thread writes (the simulation thread in
// local-writer.ts, the writer thread in writer-thread-main.ts): the same code, so the same bytes.
import { type ByteWriter, encodeField } from '../byte-writer.ts';
import { InvitroFormatter } from './invitro-columns.ts';
import { NativeFormatter } from './native-columns.ts';
import { rowLayout, type RowLayout } from './row-slots.ts';

/** `native`: invocations.csv's own columns; `invitro`: InVitro's record columns (invitro-columns.ts). */
export type InvocationColumns = 'native' | 'invitro';

/**
 * Keeps the receiving side of the string table (codes arrive with each batch, in the order they
 * were interned: row-packer.ts) and formats rows in the chosen columns. `header`: false when
 * another writer wrote it, or when the file is to have none (parts concatenated after one header).
 */
export class RowFormatter {
  private readonly layout: RowLayout;
  private strings: Uint8Array[] = [];
  private rawStrings: string[] = [];
  private readonly native: NativeFormatter | null;
  private readonly invitro: InvitroFormatter | null;

  constructor(w: ByteWriter, functionNames: readonly string[], phaseNames: readonly string[], header: boolean, columns: InvocationColumns = 'native') {
    this.layout = rowLayout(phaseNames.length);
    this.invitro = columns === 'invitro' ? new InvitroFormatter(w, functionNames, header) : null;
    this.native = columns === 'invitro' ? null : new NativeFormatter(w, functionNames, phaseNames, header);
  }

  /** Strings interned since the last batch; `reset`: the table started over before them. */
  addStrings(strings: readonly string[], reset: boolean): void {
    if (reset) {
      this.strings = [];
      this.rawStrings = [];
    }
    for (const s of strings) {
      this.strings.push(encodeField(s));
      this.rawStrings.push(s);
    }
  }

  format(rows: Float64Array, count: number): void {
    if (this.invitro !== null) this.invitro.format(rows, count, this.layout.stride, this.rawStrings);
    else this.native!.format(rows, count, this.layout, this.strings);
  }
}
