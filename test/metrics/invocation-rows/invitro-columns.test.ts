// invocations-invitro.csv: InVitro's per-invocation record columns, named and ordered as its
// ExecutionRecord writes them, with values that agree with invocations.csv row for row.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { INVITRO_COLUMNS } from '../../../src/metrics/invocation-rows/invitro-columns.ts';
import { invocationWriterSettings } from '../../../src/metrics/invocation-rows/index.ts';
import { loadScenarioFile } from '../../../src/scenario/load.ts';
import { simulate } from '../../../src/simulate.ts';

/**
 * The csv tags of vhive-serverless/loader pkg/metric/record.go@f2113a7ee77d0fa05b4c5ea30206dec29384b82b:
 * ExecutionRecordBase's fields (embedded first), then ExecutionRecord's own (AsyncResponseID is
 * `csv:"-"`, never written). Copied here by hand so that a change on either side shows.
 */
const RECORD_GO = [
  'phase',
  'instance',
  'invocationID',
  'startTime',
  'requestedDuration',
  'grpcConnEstablish',
  'responseTime',
  'actualDuration',
  'connectionTimeout',
  'functionTimeout',
  'actualMemoryUsage',
  'memoryAllocationTimeout',
  'timeToSubmitMs',
  'userCodeExecutionMs',
  'timeToGetResponseMs',
];
/** What the simulator does not model (docs/outputs.md): always empty. */
const EMPTY = ['grpcConnEstablish', 'actualMemoryUsage', 'memoryAllocationTimeout', 'timeToSubmitMs', 'userCodeExecutionMs', 'timeToGetResponseMs'];

type Row = Record<string, string>;

const DEFAULTS = { ...invocationWriterSettings };
afterEach(() => {
  Object.assign(invocationWriterSettings, DEFAULTS);
});

async function run(dir: string, sets: string[]): Promise<string> {
  const s = loadScenarioFile(join(import.meta.dirname, '../../../scenarios/quickstart.json'), {
    sets: ['duration=2m', 'coldStart.mode=reap', 'fleet.nodes[0].count=1', 'fleet.nodes[0].memory=8GiB', 'platform.maxQueueWait=300ms', ...sets],
  });
  await simulate(s, { outDir: dir });
  return dir;
}

function rows(text: string): Row[] {
  return parse(text, { columns: true }) as Row[];
}

describe('invocations-invitro.csv', () => {
  it("has InVitro's record columns, and values consistent with invocations.csv", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-invitro-'));
    const native = await run(join(dir, 'native'), []);
    const invitro = await run(join(dir, 'invitro'), ['output.invocationColumns=invitro']);
    expect(readdirSync(invitro)).toContain('invocations-invitro.csv');
    expect(readdirSync(invitro)).not.toContain('invocations.csv');
    const text = readFileSync(join(invitro, 'invocations-invitro.csv'), 'utf8');
    expect(text.slice(0, text.indexOf('\n')).split(',')).toEqual(RECORD_GO);
    expect([...INVITRO_COLUMNS]).toEqual(RECORD_GO);

    const byId = new Map(rows(readFileSync(join(native, 'invocations.csv'), 'utf8')).map((r) => [r.id!, r]));
    const records = rows(text);
    expect(records.length).toBe(byId.size);
    const seen = { completed: 0, other: 0, cold: 0, warm: 0 };
    for (const r of records) {
      const n = byId.get(r.invocationID!)!;
      expect(n).toBeDefined();
      const ran = n.dispatch_us !== '';
      expect(r.phase).toBe('2');
      expect(r.startTime).toBe(n.arrival_us);
      expect(r.responseTime).toBe(n.latency_us);
      expect(r.instance).toBe(ran ? `${n.function}-${n.instance}` : '');
      expect(r.requestedDuration !== '').toBe(ran);
      const ok = n.outcome === 'completed';
      expect(r.connectionTimeout).toBe(ok ? 'false' : 'true');
      expect(r.functionTimeout).toBe(ok ? 'false' : 'true');
      for (const c of EMPTY) expect(r[c]).toBe('');
      if (ok) {
        // No inputs to fetch, no outputs to store, no worker backlog: compute is the whole execution.
        expect(r.actualDuration).toBe(n.exec_us);
        if (n.cold === '0') {
          // A warm run gets at most its drawn time's worth of CPU per us: never faster than asked.
          expect(Number(r.actualDuration)).toBeGreaterThanOrEqual(Math.floor(Number(r.requestedDuration)));
          seen.warm++;
        } else seen.cold++;
        seen.completed++;
      } else {
        seen.other++;
      }
    }
    expect(seen.warm).toBeGreaterThan(1000);
    expect(seen.cold).toBeGreaterThan(10);
    expect(seen.other).toBeGreaterThan(10);
  });

  it('is compressed as it is written and repeats byte for byte, here and on the writer thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-invitro-'));
    const plain = await run(join(dir, 'plain'), ['output.invocationColumns=invitro']);
    const a = await run(join(dir, 'a'), ['output.invocationColumns=invitro', 'output.compression=gzip']);
    invocationWriterSettings.mode = 'worker';
    const b = await run(join(dir, 'b'), ['output.invocationColumns=invitro', 'output.compression=gzip']);
    const gz = readFileSync(join(a, 'invocations-invitro.csv.gz'));
    expect(gz.equals(readFileSync(join(b, 'invocations-invitro.csv.gz')))).toBe(true);
    expect(gunzipSync(gz).equals(readFileSync(join(plain, 'invocations-invitro.csv')))).toBe(true);
  });
});
