// invocations.csv through the writer thread and through the synchronous path: the same bytes,
// backpressure, and write failures reported with the file's path (never a short file or a hang).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { InvocationRowSink, invocationWriterSettings, type RowSource } from '../../../src/metrics/invocation-rows/index.ts';
import type { Outcome } from '../../../src/model/invocation.ts';
import { loadScenarioFile } from '../../../src/scenario/load.ts';
import { simulate } from '../../../src/simulate.ts';

const QUICKSTART = join(import.meta.dirname, '../../../scenarios/quickstart.json');
const DEFAULTS = { ...invocationWriterSettings };

afterEach(() => {
  Object.assign(invocationWriterSettings, DEFAULTS);
});

/** A 2-minute quickstart on one small node with REAP cold starts: cold rows with phases, and drops. */
async function runCsv(dir: string, sets: string[] = []): Promise<Buffer> {
  const s = loadScenarioFile(QUICKSTART, {
    sets: ['duration=2m', 'coldStart.mode=reap', 'fleet.nodes[0].count=1', 'fleet.nodes[0].memory=8GiB', 'platform.maxQueueWait=300ms', ...sets],
  });
  await simulate(s, { outDir: dir });
  return readFileSync(join(dir, 'invocations.csv'));
}

describe('invocations.csv through the writer thread', () => {
  it('is byte-identical to the synchronous path, with cold starts, phases and drops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    invocationWriterSettings.mode = 'sync';
    const sync = await runCsv(join(dir, 'sync'));
    invocationWriterSettings.mode = 'worker';
    const worker = await runCsv(join(dir, 'worker'));

    const text = sync.toString('utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^id,function,arrival_us,.*,phase_loadVmm,.*phase_wsBytes$/);
    expect(lines.length).toBeGreaterThan(5000);
    expect(text).toMatch(/,dropped,(no-capacity|queue-timeout),/);
    expect(lines.some((l) => /,completed,,reap-\w+,1,/.test(l))).toBe(true);
    expect(lines.some((l) => /\.\d/.test(l))).toBe(true); // fractional phase values go through num()
    expect(worker.equals(sync)).toBe(true);
  });

  it('keeps the sampled file identical on both paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    invocationWriterSettings.mode = 'sync';
    const sync = await runCsv(join(dir, 'sync'), ['output.invocations=0.3']);
    invocationWriterSettings.mode = 'worker';
    const worker = await runCsv(join(dir, 'worker'), ['output.invocations=0.3']);
    expect(worker.equals(sync)).toBe(true);
    expect(sync.toString('utf8').trim().split('\n').length).toBeGreaterThan(1000);
  });

  it('waits for the writer when it falls a whole ring behind, and loses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    invocationWriterSettings.mode = 'sync';
    const sync = await runCsv(join(dir, 'sync'));
    invocationWriterSettings.mode = 'worker';
    invocationWriterSettings.batchRows = 7;
    invocationWriterSettings.ringSize = 2;
    const worker = await runCsv(join(dir, 'worker'));
    expect(worker.equals(sync)).toBe(true);
  });
});

function newSink(path: string): InvocationRowSink {
  return new InvocationRowSink({ path, functionNames: ['f,a', 'g"b', 'h'], phaseNames: ['boot', 'x'] });
}

/**
 * add(i) adds synthetic row i through one object that is changed for every row, as a platform
 * that reuses its Invocation objects would.
 */
function addSynthetic(sink: InvocationRowSink, reasons: (i: number) => string = () => ''): (i: number) => void {
  const inv: { -readonly [K in keyof RowSource]: RowSource[K] } = {
    id: 0,
    fn: 0,
    arrival: 0,
    dispatch: -1,
    end: 0,
    outcome: 'pending',
    reason: '',
    startPath: 'warm',
    cold: false,
    node: -1,
    instance: -1,
    requested: -1,
    computeStart: -1,
    computeEnd: -1,
  };
  const outcomes: Outcome[] = ['completed', 'dropped', 'failed'];
  return (i) => {
    inv.id = i;
    inv.fn = i % 3;
    inv.arrival = i * 1000 + 2 ** 32; // past 2^32 us: the long-integer branch of the formatter
    inv.outcome = outcomes[i % 3]!;
    inv.dispatch = inv.outcome === 'dropped' ? -1 : inv.arrival + (i % 7);
    inv.end = inv.arrival + 5000 + i;
    inv.reason = inv.outcome === 'completed' ? '' : reasons(i);
    inv.cold = i % 5 === 0;
    inv.startPath = inv.cold ? 'boot' : 'warm';
    inv.node = i % 4;
    inv.instance = i >> 3;
    inv.requested = inv.dispatch >= 0 ? 4000 + (i % 9) / 4 : -1;
    inv.computeStart = inv.dispatch;
    inv.computeEnd = inv.outcome === 'completed' ? inv.end : -1;
    sink.add(inv, inv.cold ? (i % 2 ? { boot: i / 3 } : { boot: i, x: NaN }) : undefined);
  };
}

function writeSynthetic(path: string, rows: number, reasons?: (i: number) => string): InvocationRowSink {
  const sink = newSink(path);
  const add = addSynthetic(sink, reasons);
  for (let i = 0; i < rows; i++) add(i);
  return sink;
}

describe('InvocationRowSink', () => {
  it('copies every value at add() and bounds its string table, identically on both paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    const reasons = (i: number) => (i % 4 === 0 ? 'input-"a,b"' : `reason-${i % 50}`);
    invocationWriterSettings.stringTableLimit = 8;
    invocationWriterSettings.mode = 'sync';
    invocationWriterSettings.batchRows = 13;
    writeSynthetic(join(dir, 'sync.csv'), 2000, reasons).close();
    invocationWriterSettings.mode = 'worker';
    invocationWriterSettings.ringSize = 3;
    writeSynthetic(join(dir, 'worker.csv'), 2000, reasons).close();
    const sync = readFileSync(join(dir, 'sync.csv'), 'utf8');
    expect(readFileSync(join(dir, 'worker.csv'), 'utf8')).toBe(sync);
    const lines = sync.trim().split('\n');
    expect(lines.length).toBe(2001);
    expect(lines[0]).toBe(
      'id,function,arrival_us,dispatch_us,end_us,outcome,reason,start_path,cold,wait_us,exec_us,latency_us,node,instance,phase_boot,phase_x',
    );
    expect(lines[1]).toBe('0,"f,a",4294967296,4294967296,4294972296,completed,,boot,1,0,5000,5000,0,0,0,NaN');
    expect(lines[2]).toBe('1,"g""b",4294968296,,4294973297,dropped,reason-1,,0,,,5001,,,,');
    expect(lines[4]).toBe('3,"f,a",4294970296,4294970299,4294975299,completed,,warm,0,3,5000,5003,3,0,,');
    expect(lines[5]).toBe('4,"g""b",4294971296,,4294976300,dropped,"input-""a,b""",,0,,,5004,,,,');
    expect(lines[6]).toBe('5,h,4294972296,4294972301,4294977301,failed,reason-5,boot,1,5,5000,5005,1,0,1.6666666666666667,');
    expect(lines[9]).toBe('8,h,4294975296,4294975297,4294980304,failed,"input-""a,b""",warm,0,1,5007,5008,0,1,,');
  });

  it('writes only the header when no invocation ended', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    for (const mode of ['sync', 'worker', 'auto'] as const) {
      invocationWriterSettings.mode = mode;
      writeSynthetic(join(dir, `${mode}.csv`), 0).close();
      expect(readFileSync(join(dir, `${mode}.csv`), 'utf8')).toBe(
        'id,function,arrival_us,dispatch_us,end_us,outcome,reason,start_path,cold,wait_us,exec_us,latency_us,node,instance,phase_boot,phase_x\n',
      );
    }
  });

  it('in auto mode starts no thread for a short file, and lets a ready thread take over mid-file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    invocationWriterSettings.mode = 'sync';
    writeSynthetic(join(dir, 'sync.csv'), 30_000).close();
    const expected = readFileSync(join(dir, 'sync.csv'), 'utf8');
    invocationWriterSettings.mode = 'auto';
    const short = writeSynthetic(join(dir, 'short.csv'), 1000);
    expect(short.threaded).toBe(false);
    short.close();
    expect(readFileSync(join(dir, 'short.csv'), 'utf8')).toBe(expected.split('\n').slice(0, 1001).join('\n') + '\n');

    // The thread starts after 100 rows and takes over at a batch boundary once it has loaded; the
    // rows formatted here until then and those it formats make one file.
    invocationWriterSettings.threadAfterRows = 100;
    invocationWriterSettings.batchRows = 64;
    const sink = newSink(join(dir, 'auto.csv'));
    const add = addSynthetic(sink);
    let i = 0;
    for (let waited = 0; !sink.threaded && waited < 60_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
      for (const end = i + 64; i < end; i++) add(i);
    }
    expect(sink.threaded).toBe(true);
    expect(i).toBeLessThan(20_000);
    for (; i < 30_000; i++) add(i);
    sink.close();
    expect(readFileSync(join(dir, 'auto.csv'), 'utf8')).toBe(expected);
  });

  it('leaves out only the header with header: false, in every mode, plain or gzip, native or InVitro columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    const n = 3000;
    for (const columns of ['native', 'invitro'] as const) {
      for (const ext of ['csv', 'csv.gz']) {
        const read = (name: string): string => {
          const bytes = readFileSync(join(dir, name));
          return (ext === 'csv.gz' ? gunzipSync(bytes) : bytes).toString('utf8');
        };
        const sink = (name: string, header: boolean) =>
          new InvocationRowSink({ path: join(dir, name), functionNames: ['f,a', 'g"b', 'h'], phaseNames: ['boot', 'x'], columns, header });
        invocationWriterSettings.mode = 'sync';
        invocationWriterSettings.batchRows = 64;
        const fullSink = sink(`full.${ext}`, true);
        const addFull = addSynthetic(fullSink);
        for (let i = 0; i < n; i++) addFull(i);
        fullSink.close();
        const full = read(`full.${ext}`);
        const rows = full.slice(full.indexOf('\n') + 1);
        expect(rows.length).toBeGreaterThan(0);
        expect(full.startsWith(columns === 'native' ? 'id,' : 'phase,')).toBe(true);

        for (const mode of ['sync', 'worker'] as const) {
          invocationWriterSettings.mode = mode;
          const s = sink(`${mode}.${ext}`, false);
          const add = addSynthetic(s);
          for (let i = 0; i < n; i++) add(i);
          s.close();
          expect(read(`${mode}.${ext}`), `${columns} ${ext} ${mode}`).toBe(rows);
          const empty = sink(`empty-${mode}.${ext}`, false);
          empty.close();
          expect(read(`empty-${mode}.${ext}`)).toBe('');
        }
        // Auto: rows written here, then by the thread that takes over mid-file.
        invocationWriterSettings.mode = 'auto';
        invocationWriterSettings.threadAfterRows = 100;
        const s = sink(`auto.${ext}`, false);
        const add = addSynthetic(s);
        let i = 0;
        for (let waited = 0; !s.threaded && waited < 60_000; waited += 20) {
          await new Promise((r) => setTimeout(r, 20));
          for (const end = i + 64; i < end; i++) add(i);
        }
        expect(s.threaded).toBe(true);
        expect(i).toBeLessThan(n);
        for (; i < n; i++) add(i);
        s.close();
        expect(read(`auto.${ext}`), `${columns} ${ext} auto`).toBe(rows);
        Object.assign(invocationWriterSettings, DEFAULTS);
      }
    }
  });

  it('names the file when it cannot be created', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sim-rows-')), 'missing', 'invocations.csv');
    for (const mode of ['sync', 'worker'] as const) {
      invocationWriterSettings.mode = mode;
      expect(() => writeSynthetic(path, 10)).toThrow(/ENOENT.*missing\/invocations\.csv/);
    }
  });

  // /dev/full accepts open() and fails every write with ENOSPC, like a full disk.
  it.skipIf(!existsSync('/dev/full'))('throws a write error with the path, from add() or close(), on both paths', () => {
    for (const mode of ['sync', 'worker'] as const) {
      for (const rows of [10, 200_000]) {
        invocationWriterSettings.mode = mode;
        invocationWriterSettings.batchRows = 1024;
        let sink: InvocationRowSink | null = null;
        let error: unknown = null;
        try {
          sink = writeSynthetic('/dev/full', rows);
          sink.close();
        } catch (e) {
          error = e;
        }
        expect(error, `${mode}, ${rows} rows`).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/^cannot write \/dev\/full: ENOSPC/);
        // Once failed, it stays failed.
        if (sink) expect(() => sink!.close()).toThrow(/\/dev\/full/);
      }
    }
  });

  it('throws instead of hanging when the writer thread stops', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    invocationWriterSettings.mode = 'worker';
    invocationWriterSettings.stallMs = 2000;
    invocationWriterSettings.batchRows = 10;
    const sink = writeSynthetic(join(dir, 'a.csv'), 100);
    expect(sink.threaded).toBe(true);
    // Private fields: the only way to kill the thread from outside, as a crash or OOM would.
    void (sink as unknown as { thread: { worker: Worker } }).thread.worker.terminate();
    expect(() => sink.close()).toThrow(/a\.csv: the writer thread (exited unexpectedly|made no progress)/);
  });

  it('does not keep the process alive, closed or abandoned', () => {
    const module = join(import.meta.dirname, '../../../src/metrics/invocation-rows/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'sim-rows-'));
    const script = `
      const { InvocationRowSink, invocationWriterSettings } = await import(${JSON.stringify(module)});
      invocationWriterSettings.mode = 'worker';
      const row = { id: 1, fn: 0, arrival: 0, dispatch: 1, end: 2, outcome: 'completed', reason: '', startPath: 'warm', cold: false, node: 0, instance: 0, requested: 1, computeStart: 1, computeEnd: 2 };
      const closed = new InvocationRowSink({ path: ${JSON.stringify(join(dir, 'closed.csv'))}, functionNames: ['f'], phaseNames: [] });
      closed.add(row, undefined);
      closed.close();
      const abandoned = new InvocationRowSink({ path: ${JSON.stringify(join(dir, 'abandoned.csv'))}, functionNames: ['f'], phaseNames: [] });
      abandoned.add(row, undefined);
      console.log('done');
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '../../..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('done');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'closed.csv'), 'utf8')).toBe(
      'id,function,arrival_us,dispatch_us,end_us,outcome,reason,start_path,cold,wait_us,exec_us,latency_us,node,instance\n1,f,0,1,2,completed,,warm,0,1,1,2,0,0\n',
    );
  });
});
