// output.compression = gzip: CSV bytes are compressed as they are written, in fixed 16 MiB pieces
// of the plain text, one gzip member each (RFC 1952 allows several; gzip, zcat, Python's gzip and
// pandas read them as one). Piece boundaries depend only on the plain bytes' offsets, never on
// when or by which thread they were written, so the same scenario and seed give the same .gz, and
// the plain file never exists: the disk a run needs is the compressed size.
import { writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const GZIP_PIECE = 16 << 20;
/** zlib level 1: on a day of the 300-function sample (139 MB of invocations.csv) 4.4x smaller;
 * level 6 was 5.1x for ~3x the compression time (BENCHMARKS.md). */
export const GZIP_LEVEL = 1;

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Where a ByteWriter's bytes go when they are compressed: pieces written to `fd` as they fill. */
export class GzipPieces {
  private readonly piece = new Uint8Array(GZIP_PIECE);
  private n = 0;
  private members = 0;

  /** `carried`: plain bytes another writer had not compressed yet (they come first). */
  constructor(
    private readonly fd: number,
    carried?: Uint8Array,
  ) {
    if (carried) this.write(carried, carried.length);
  }

  write(bytes: Uint8Array, length: number): void {
    for (let off = 0; off < length;) {
      const k = Math.min(GZIP_PIECE - this.n, length - off);
      this.piece.set(bytes.subarray(off, off + k), this.n);
      this.n += k;
      off += k;
      if (this.n === GZIP_PIECE) this.emit();
    }
  }

  /** The plain bytes not yet compressed, removed from here (for the writer that takes over). */
  takePending(): Uint8Array {
    const pending = this.piece.slice(0, this.n);
    this.n = 0;
    return pending;
  }

  /** Compresses the last, partial piece (an empty file still gets one member). */
  finish(): void {
    if (this.n > 0 || this.members === 0) this.emit();
  }

  private emit(): void {
    writeAll(this.fd, gzipSync(this.piece.subarray(0, this.n), { level: GZIP_LEVEL }));
    this.n = 0;
    this.members++;
  }
}

/** Writes `bytes` compressed into a new file at `path` (a CSV formatted in memory). */
export function writeGzipFile(fd: number, bytes: Uint8Array): void {
  const out = new GzipPieces(fd);
  out.write(bytes, bytes.length);
  out.finish();
}
