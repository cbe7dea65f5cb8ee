// A CSV row writer that formats straight into a reusable byte buffer and flushes it in ~1 MiB
// writes: no string is built per row, so millions of rows cost little time and no garbage.
// Integers are formatted by hand; other text is encoded once and cached (names, reasons).
import { closeSync, openSync, writeSync } from 'node:fs';

/** Quotes a CSV field when it holds a comma, quote or newline (RFC 4180). */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CAPACITY = 1 << 20;
const COMMA = 44;
const NEWLINE = 10;
const MINUS = 45;

export class ByteWriter {
  private fd: number;
  private readonly buf = new Uint8Array(CAPACITY);
  private pos = 0;
  private readonly encoded = new Map<string, Uint8Array>();
  private readonly encoder = new TextEncoder();
  private readonly digits = new Uint8Array(24);

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Room for `n` more bytes (rows are flushed whole, never split across a flush boundary). */
  private ensure(n: number): void {
    if (this.pos + n > CAPACITY) this.flush();
  }

  flush(): void {
    let off = 0;
    while (off < this.pos) off += writeSync(this.fd, this.buf, off, this.pos - off);
    this.pos = 0;
  }

  /** An integer (exact up to 2^53). */
  int(v: number): this {
    if (!Number.isSafeInteger(v)) return this.text(String(v));
    this.ensure(24);
    let n = v;
    if (n < 0) {
      this.buf[this.pos++] = MINUS;
      n = -n;
    }
    if (n === 0) {
      this.buf[this.pos++] = 48;
      return this;
    }
    let k = 0;
    while (n > 0) {
      const q = Math.floor(n / 10);
      this.digits[k++] = 48 + (n - q * 10);
      n = q;
    }
    while (k > 0) this.buf[this.pos++] = this.digits[--k]!;
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
      b = this.encoder.encode(csvField(s));
      if (this.encoded.size < 100_000) this.encoded.set(s, b);
    }
    if (b.length > CAPACITY / 2) {
      this.flush();
      let off = 0;
      while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
      return this;
    }
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
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
    closeSync(this.fd);
    this.fd = -1;
  }
}
