// The REAP scenarios through the whole simulator (scheduler, start paths, devices): each function's
// single cold start within 10% of the paper, vanilla and REAP; concurrency slows both down.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';
import { getFunctionProfile } from '../../src/model/coldstart/profiles.ts';

const dir = join(import.meta.dirname, '../../scenarios');

async function meanLatencies(file: string, sets: string[]): Promise<Map<string, number>> {
  const r = await simulate(loadScenarioFile(join(dir, file), { sets }));
  return new Map(r.functions.map((row) => [String(row[0]), Number(row[9])]));
}

describe('scenarios/reap-functions.json', () => {
  it('each cold start within 10% of the paper in vanilla and REAP modes', async () => {
    const reap = await meanLatencies('reap-functions.json', []);
    const vanilla = await meanLatencies('reap-functions.json', ['coldStart.mode=vanilla']);
    let logSpeedup = 0;
    for (const [name, reapMs] of reap) {
      const paper = getFunctionProfile(`reap/${name}`)!.paper;
      expect(Math.abs(reapMs / paper.reapMs - 1), `${name} reap`).toBeLessThan(0.1);
      expect(Math.abs(vanilla.get(name)! / paper.vanillaMs - 1), `${name} vanilla`).toBeLessThan(0.1);
      logSpeedup += Math.log(vanilla.get(name)! / reapMs);
    }
    expect(Math.abs(Math.exp(logSpeedup / reap.size) - 3.7)).toBeLessThan(0.3);
  });

  it('the first (record) cold start is slower than vanilla; the HDD is slower still', async () => {
    const record = await meanLatencies('reap-functions.json', ['coldStart.preRecorded=false']);
    const vanilla = await meanLatencies('reap-functions.json', ['coldStart.mode=vanilla']);
    const hdd = await meanLatencies('reap-functions.json', ['coldStart.mode=vanilla', 'fleet.nodes[0].disk=hdd-7200']);
    for (const [name, v] of vanilla) {
      expect(record.get(name)!, name).toBeGreaterThan(v);
      expect(hdd.get(name)!, name).toBeGreaterThan(v);
    }
  });
});

describe('scenarios/reap-concurrency.json', () => {
  it('more simultaneous cold starts on one disk take longer, in both modes', async () => {
    for (const mode of ['vanilla', 'reap']) {
      const at = async (n: number) =>
        (await meanLatencies('reap-concurrency.json', [`workload[0].burst.size=${n}`, `coldStart.mode=${mode}`])).get('helloworld')!;
      const one = await at(1);
      const eight = await at(8);
      const many = await at(64);
      expect(eight, mode).toBeGreaterThan(one);
      expect(many, mode).toBeGreaterThan(eight);
    }
  });
});

describe('cache-aware placement with REAP', () => {
  it('sends repeat cold starts to the node that recorded the working set, cutting record runs', async () => {
    const base = [
      'coldStart.preRecorded=false',
      'coldStart.flushPageCache=false',
      'fleet.nodes[0].count=8',
      'policies.keepAlive=fixed(ttl=1s)',
      'workload[0].fixed.interval=5s',
      'duration=2m',
    ];
    const run = async (placement: string) => {
      const r = await simulate(loadScenarioFile(join(dir, 'reap-functions.json'), { sets: [...base, `policies.placement=${placement}`] }));
      return (r.summary.coldStarts as { byPath: Record<string, { instances: number }> }).byPath;
    };
    const aware = await run('cache-aware');
    const rr = await run('round-robin');
    // helloworld cold-starts every 5 s (its instance expires after 1 s): round-robin records on up
    // to every node, cache-aware records once and then reuses that node's cache.
    expect(aware['reap-record']!.instances).toBeLessThan(rr['reap-record']!.instances);
  });
});
