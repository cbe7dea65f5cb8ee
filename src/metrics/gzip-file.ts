// output.compression = gzip: a finished CSV of the run folder is compressed into `<name>.gz` and
// removed. Compressed in fixed 16 MiB pieces, one gzip member each (RFC 1952 allows several; gzip,
// zcat, Python's gzip and pandas read them as one), so the bytes depend only on the file's bytes:
// the same scenario and seed give the same .gz. The plain file is written first (invocations.csv
// by its writer thread), so the disk a run needs at its peak is not reduced, only what it keeps.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const PIECE = 16 << 20;
/** zlib level 1: on a day of the 300-function sample (139 MB of invocations.csv) 4.4x smaller for
 * +1-3 s of a 7 s run; level 6 was 5.1x for +4.7 s (BENCHMARKS.md). */

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Compresses `path` into `path.gz` and removes `path`; returns the new path. */
export function gzipFile(path: string, level = 1): string {
  const out = `${path}.gz`;
  const input = openSync(path, 'r');
  try {
    const output = openSync(out, 'w');
    try {
      const buf = Buffer.allocUnsafe(PIECE);
      let pieces = 0;
      for (;;) {
        let n = 0;
        // A whole piece before compressing: short reads must not move the member boundaries.
        while (n < PIECE) {
          const r = readSync(input, buf, n, PIECE - n, null);
          if (r === 0) break;
          n += r;
        }
        if (n === 0 && pieces > 0) break;
        writeAll(output, gzipSync(buf.subarray(0, n), { level }));
        pieces++;
        if (n < PIECE) break;
      }
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
  unlinkSync(path);
  return out;
}
