// A CSV row writer that formats straight into a reusable byte buffer and flushes it in ~1 MiB
// writes: no string is built per row, so millions of rows cost little time and no garbage.
// Integers are formatted by hand; other text is encoded once and cached (names, reasons).
import { closeSync, openSync, writeSync } from 'node:fs';
import type { GzipPieces } from './gzip-pieces.ts';

/** Quotes a CSV field when it holds a comma, quote or newline (RFC 4180). */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of a CSV field, quoted if needed. */
export function encodeField(s: string): Uint8Array {
  return encoder.encode(csvField(s));
}

const CAPACITY = 1 << 20;
const COMMA = 44;
const NEWLINE = 10;
const MINUS = 45;
const ZERO = 48;
/** ASCII of 00, 01, ..., 99. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = ZERO + Math.floor(i / 10);
  PAIRS[2 * i + 1] = ZERO + (i % 10);
}

/** Decimal digits of an integer in [0, 2^31). */
function digitCount(n: number): number {
  if (n < 100_000) return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : 5;
  return n < 1_000_000 ? 6 : n < 10_000_000 ? 7 : n < 100_000_000 ? 8 : n < 1_000_000_000 ? 9 : 10;
}

/** Writes the digits of an integer in [0, 2^31) so that the last one lands just before `end`. */
function putDigits(buf: Uint8Array, end: number, n: number): void {
  let p = end;
  while (n >= 100) {
    const q = (n / 100) | 0;
    const r = (n - q * 100) << 1;
    buf[--p] = PAIRS[r + 1]!;
    buf[--p] = PAIRS[r]!;
    n = q;
  }
  if (n >= 10) {
    buf[--p] = PAIRS[(n << 1) + 1]!;
    buf[--p] = PAIRS[n << 1]!;
  } else {
    buf[--p] = ZERO + n;
  }
}

export class ByteWriter {
  private fd: number;
  private readonly buf = new Uint8Array(CAPACITY);
  private pos = 0;
  private readonly encoded = new Map<string, Uint8Array>();

  /**
   * A path to create or truncate, or a file descriptor opened for writing (closed by close());
   * with `gzip`, bytes go through it instead (it writes to the descriptor; close() finishes it).
   */
  constructor(
    target: string | number,
    private readonly gzip: GzipPieces | null = null,
  ) {
    this.fd = typeof target === 'number' ? target : openSync(target, 'w');
  }

  private write(b: Uint8Array, length: number): void {
    if (this.gzip !== null) this.gzip.write(b, length);
    else for (let off = 0; off < length;) off += writeSync(this.fd, b, off, length - off);
  }

  /** Room for `n` more bytes (rows are flushed whole, never split across a flush boundary). */
  private ensure(n: number): void {
    if (this.pos + n > CAPACITY) this.flush();
  }

  flush(): void {
    this.write(this.buf, this.pos);
    this.pos = 0;
  }

  /** An integer (exact up to 2^53). */
  int(v: number): this {
    if (!Number.isSafeInteger(v)) return this.text(String(v));
    this.ensure(24);
    const buf = this.buf;
    let n = v;
    if (n < 0) {
      buf[this.pos++] = MINUS;
      n = -n;
    }
    // Digits are produced with int32 arithmetic, two at a time: a row holds about ten integers,
    // so this is most of the cost of a row.
    if (n < 2 ** 31) {
      const end = this.pos + digitCount(n);
      putDigits(buf, end, n);
      this.pos = end;
    } else {
      const lo = n % 1e8; // exact for doubles, and then so is the division
      const hi = (n - lo) / 1e8; // < 2^53 / 1e8 < 2^31
      const mid = this.pos + digitCount(hi);
      putDigits(buf, mid, hi);
      putDigits(buf, mid + 8, lo);
      for (let p = mid + 8 - digitCount(lo); p > mid;) buf[--p] = ZERO;
      this.pos = mid + 8;
    }
    return this;
  }

  /** A number: integers by hand, anything else through String(). */
  num(v: number): this {
    return Number.isInteger(v) ? this.int(v) : this.text(String(v));
  }

  /** A CSV field, quoted if needed; encodings are cached, so repeated values cost a copy. */
  text(s: string): this {
    let b = this.encoded.get(s);
    if (b === undefined) {
      b = encodeField(s);
      if (this.encoded.size < 100_000) this.encoded.set(s, b);
    }
    return this.bytes(b);
  }

  /** Bytes as they are, e.g. a field encoded once with encodeField(). */
  bytes(b: Uint8Array): this {
    if (b.length > CAPACITY / 2) {
      this.flush();
      this.write(b, b.length);
      return this;
    }
    this.ensure(b.length);
    // Most fields are a few bytes, for which a loop beats the call into TypedArray.set.
    if (b.length <= 32) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < b.length; i++) buf[p++] = b[i]!;
      this.pos = p;
    } else {
      this.buf.set(b, this.pos);
      this.pos += b.length;
    }
    return this;
  }

  comma(): this {
    this.ensure(1);
    this.buf[this.pos++] = COMMA;
    return this;
  }

  newline(): this {
    this.ensure(1);
    this.buf[this.pos++] = NEWLINE;
    return this;
  }

  close(): void {
    this.flush();
    this.gzip?.finish();
    closeSync(this.fd);
    this.fd = -1;
  }
}
