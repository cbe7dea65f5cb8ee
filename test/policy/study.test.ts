// The policy study's stable results (docs/policies.md), on a full day of the committed sample:
// hybrid lowers the 75th-percentile app's cold starts against a fixed 10-minute keep-alive while
// holding less idle memory; under memory pressure Greedy-Dual has fewer cold starts than it.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';

const SCENARIO = join(import.meta.dirname, '../../scenarios/azure-sample.json');

async function day(keepAlive: string, memory: string) {
  const s = loadScenarioFile(SCENARIO, {
    sets: [
      'duration=24h',
      'workload[0].azure2019.windowMinutes=[0,1440]',
      'output.timeseries=1h',
      'platform.maxQueueWait=10m',
      `fleet.nodes[0].memory=${memory}`,
      `policies.keepAlive=${keepAlive}`,
    ],
  });
  const r = (await simulate(s)).summary as {
    apps: { coldStartPercent: { p75: number } };
    memory: { idleGBs: number };
    coldStarts: { totalStartTimeS: number };
  };
  return { p75: r.apps.coldStartPercent.p75, idle: r.memory.idleGBs, startS: r.coldStarts.totalStartTimeS };
}

describe('keep-alive policy study', () => {
  it('hybrid: lower p75-app cold-start % than fixed 10 min, with less idle memory', async () => {
    const fixed = await day('fixed(ttl=10m)', '128GiB');
    const hybrid = await day('hybrid', '128GiB');
    expect(hybrid.p75).toBeLessThan(fixed.p75);
    expect(hybrid.idle).toBeLessThan(fixed.idle);
  });

  it('under memory pressure, Greedy-Dual spends less time in cold starts than fixed 10 min', async () => {
    const fixed = await day('fixed(ttl=10m)', '2GiB');
    const gd = await day('greedy-dual', '2GiB');
    expect(gd.startS).toBeLessThan(fixed.startS);
  });
});
