// Streamed gzip output: the pieces fall at the same plain offsets however the bytes arrive (chunk
// sizes, a hand-over between threads), the compressed file decompresses to the plain one byte for
// byte, and a gzip run folder never holds the plain invocations.csv.
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { GZIP_PIECE, GzipPieces } from '../../src/metrics/gzip-pieces.ts';
import { InvocationRowSink, invocationWriterSettings } from '../../src/metrics/invocation-rows/index.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';

const DEFAULTS = { ...invocationWriterSettings };
afterEach(() => {
  Object.assign(invocationWriterSettings, DEFAULTS);
});

/** CSV-like bytes from a fixed LCG: compressible, but not trivially. */
function plainBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = i % 61 === 60 ? 10 : 48 + ((x >>> 16) % 12);
  }
  return b;
}

function compress(dir: string, name: string, feed: (fd: number) => GzipPieces): Buffer {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  const out = feed(fd);
  out.finish();
  closeSync(fd);
  return readFileSync(path);
}

describe('GzipPieces', () => {
  it('gives the same bytes whatever the chunking and wherever another writer hands over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-gz-'));
    const plain = plainBytes(2 * GZIP_PIECE + 12_345);
    const whole = compress(dir, 'whole.gz', (fd) => {
      const g = new GzipPieces(fd);
      g.write(plain, plain.length);
      return g;
    });
    expect(gunzipSync(whole).equals(Buffer.from(plain))).toBe(true);
    // Three members: two full pieces and the rest (each starts with the gzip magic 1f 8b).
    expect(whole.length).toBeLessThan(plain.length / 2);

    const chunked = compress(dir, 'chunked.gz', (fd) => {
      const g = new GzipPieces(fd);
      for (let off = 0, k = 1; off < plain.length; k = (k * 7 + 3) % 3_000_001) {
        const n = Math.min(k + 1, plain.length - off);
        g.write(plain.subarray(off), n);
        off += n;
      }
      return g;
    });
    expect(chunked.equals(whole)).toBe(true);

    for (const at of [1000, GZIP_PIECE + 77]) {
      const handed = compress(dir, `handed-${at}.gz`, (fd) => {
        const first = new GzipPieces(fd);
        first.write(plain, at);
        const second = new GzipPieces(fd, first.takePending());
        second.write(plain.subarray(at), plain.length - at);
        return second;
      });
      expect(handed.equals(whole)).toBe(true);
    }
  });

  it('writes one empty member for an empty file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-gz-'));
    const empty = compress(dir, 'empty.gz', (fd) => new GzipPieces(fd));
    expect(empty.length).toBeGreaterThan(0);
    expect(gunzipSync(empty).length).toBe(0);
  });
});

function writeRows(path: string, rows: number): InvocationRowSink {
  const sink = new InvocationRowSink({ path, functionNames: ['f,a', 'g'], phaseNames: ['boot'] });
  for (let i = 0; i < rows; i++) add(sink, i);
  return sink;
}

function add(sink: InvocationRowSink, i: number): void {
  const ran = i % 3 !== 1;
  sink.add(
    {
      id: i,
      fn: i % 2,
      arrival: i * 997,
      dispatch: ran ? i * 997 + (i % 11) : -1,
      end: i * 997 + 4000 + (i % 13),
      outcome: ran ? 'completed' : 'dropped',
      reason: ran ? '' : 'no-capacity',
      startPath: ran ? 'warm' : 'warm',
      cold: i % 5 === 0,
      node: ran ? i % 4 : -1,
      instance: ran ? i >> 4 : -1,
      requested: ran ? 3000 + (i % 17) : -1,
      computeStart: ran ? i * 997 + (i % 11) : -1,
      computeEnd: ran ? i * 997 + 4000 + (i % 13) : -1,
    },
    i % 5 === 0 ? { boot: i / 7 } : undefined,
  );
}

describe('invocations.csv.gz through the writer', () => {
  it('decompresses to the plain file, with the same bytes on the thread, here, and across a hand-over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-gz-'));
    const rows = 400_000; // ~25 MB of CSV: more than one piece
    invocationWriterSettings.mode = 'sync';
    writeRows(join(dir, 'plain.csv'), rows).close();
    const plain = readFileSync(join(dir, 'plain.csv'));
    expect(plain.length).toBeGreaterThan(GZIP_PIECE);
    writeRows(join(dir, 'sync.csv.gz'), rows).close();
    const sync = readFileSync(join(dir, 'sync.csv.gz'));
    expect(gunzipSync(sync).equals(plain)).toBe(true);

    invocationWriterSettings.mode = 'worker';
    writeRows(join(dir, 'worker.csv.gz'), rows).close();
    expect(readFileSync(join(dir, 'worker.csv.gz')).equals(sync)).toBe(true);

    // Auto: rows are compressed here until the thread takes over, mid-piece; it carries on.
    invocationWriterSettings.mode = 'auto';
    invocationWriterSettings.threadAfterRows = 100;
    invocationWriterSettings.batchRows = 64;
    const sink = new InvocationRowSink({ path: join(dir, 'auto.csv.gz'), functionNames: ['f,a', 'g'], phaseNames: ['boot'] });
    let i = 0;
    for (let waited = 0; !sink.threaded && waited < 60_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
      for (const end = i + 64; i < end; i++) add(sink, i);
    }
    expect(sink.threaded).toBe(true);
    for (; i < rows; i++) add(sink, i);
    sink.close();
    expect(readFileSync(join(dir, 'auto.csv.gz')).equals(sync)).toBe(true);
  });
});

describe('output.compression = gzip', () => {
  it('keeps only the .csv.gz files, which decompress to the plain run files and repeat byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-gz-'));
    const quickstart = join(import.meta.dirname, '../../scenarios/quickstart.json');
    const run = async (name: string, compression: string) => {
      const s = loadScenarioFile(quickstart, {
        sets: ['duration=3m', 'coldStart.mode=reap', `output.compression=${compression}`, 'output.functionTimeseries.top=2'],
      });
      await simulate(s, { outDir: join(dir, name) });
      return join(dir, name);
    };
    const plain = await run('plain', 'none');
    const a = await run('a', 'gzip');
    const b = await run('b', 'gzip');
    expect(readdirSync(a).sort()).toEqual(
      readdirSync(plain)
        .map((f) => (/^(invocations|function-timeseries)\.csv$/.test(f) ? `${f}.gz` : f))
        .sort(),
    );
    expect(existsSync(join(a, 'invocations.csv'))).toBe(false);
    for (const f of ['invocations.csv', 'function-timeseries.csv']) {
      const gz = readFileSync(join(a, `${f}.gz`));
      expect(gz.equals(readFileSync(join(b, `${f}.gz`)))).toBe(true);
      expect(gunzipSync(gz).equals(readFileSync(join(plain, f)))).toBe(true);
    }
    expect(readFileSync(join(plain, 'invocations.csv'), 'utf8').split('\n').length).toBeGreaterThan(1000);
  });
});
