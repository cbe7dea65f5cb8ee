// ByteWriter's hand-written integer formatting must match String() for every safe integer.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/metrics/byte-writer.ts';

describe('ByteWriter.int', () => {
  it('writes what String() writes, at every magnitude, and falls back to it past 2^53', () => {
    const values: number[] = [0, -0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1.5, NaN, -Infinity, 1e21];
    for (let k = 0; k <= 15; k++) values.push(10 ** k, 10 ** k - 1, 10 ** k + 1, -(10 ** k), 7 * 10 ** k + 3);
    let x = 12345;
    for (let i = 0; i < 200_000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const v = Math.floor((x / 2 ** 31) * 2 ** (x % 54));
      values.push(x % 3 === 0 ? -v : v);
    }
    const path = join(mkdtempSync(join(tmpdir(), 'sim-bw-')), 'ints.txt');
    const w = new ByteWriter(path);
    for (const v of values) w.int(v).newline();
    w.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    const expected = values.map((v) => (Object.is(v, -0) ? '0' : String(v)));
    expect(lines.slice(0, -1)).toEqual(expected);
  });
});
