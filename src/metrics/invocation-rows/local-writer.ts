// Writing on the simulation thread: rows formatted here into the file (compressed as they go for
// a `.gz`), before a writer thread takes over, in the synchronous mode, or when no thread starts.
import { ByteWriter } from '../byte-writer.ts';
import { GzipPieces } from '../gzip-pieces.ts';
import type { NewStrings } from './row-packer.ts';
import { type InvocationColumns, RowFormatter } from './row-formatter.ts';

export class LocalWriter {
  private readonly gzip: GzipPieces | null;
  private readonly writer: ByteWriter;
  private readonly formatter: RowFormatter;

  /** Writes the header at once if `header`. The descriptor stays open: its owner closes it. */
  constructor(fd: number, gzip: boolean, functionNames: readonly string[], phaseNames: readonly string[], header: boolean, columns: InvocationColumns) {
    this.gzip = gzip ? new GzipPieces(fd) : null;
    this.writer = new ByteWriter(fd, this.gzip);
    this.formatter = new RowFormatter(this.writer, functionNames, phaseNames, header, columns);
  }

  write(rows: Float64Array, count: number, strings: NewStrings): void {
    this.formatter.addStrings(strings.strings, strings.reset);
    this.formatter.format(rows, count);
  }

  /** The end of the file: everything written, the last gzip member included. */
  finish(): void {
    this.writer.flush();
    this.gzip?.finish();
  }

  /**
   * Writes what was formatted, so it reaches the file before the writer thread appends to it, and
   * returns the plain bytes not compressed yet: the thread compresses them first, so the gzip
   * pieces fall where they would have anyway.
   */
  handOver(): Uint8Array | undefined {
    this.writer.flush();
    return this.gzip?.takePending();
  }
}
