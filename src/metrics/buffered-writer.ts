// Buffered synchronous text file writer: rows are appended to a string buffer and written in
// chunks of ~1 MiB, so a run with millions of rows neither holds them in memory nor pays a
// system call per row.
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

export class BufferedWriter {
  private fd: number;
  private buf = '';

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.buf += text;
    if (this.buf.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.buf.length > 0) {
      writeSync(this.fd, this.buf);
      this.buf = '';
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }
}

/** Quotes a CSV field when it holds a comma, quote or newline (RFC 4180). */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Milliseconds from us with 3 decimals (exact to the us), without trailing noise. */
export function ms(us: number): string {
  return (us / 1000).toFixed(3);
}
