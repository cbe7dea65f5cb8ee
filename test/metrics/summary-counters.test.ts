// summary.json reports a cold start's counters (pages, reads, bytes) as they are, apart from its
// phase times in ms: before, `phasesMs.wsBytes` was the byte count divided by 1000.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/simulate.ts';

describe('summary counters', () => {
  it('keeps counters unscaled under `counters` and times in ms under `phasesMs`', async () => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/reap-functions.json'), 'utf8'));
    raw.functions = raw.functions.slice(0, 1); // helloworld
    raw.workload = raw.workload.filter((w: { fixed?: { function?: string } }) => w.fixed?.function === 'helloworld');
    const r = await simulate(validateScenario(raw));
    const s = r.summary as {
      coldStarts: { byPath: Record<string, { phasesMs: Record<string, { mean: number }>; counters: Record<string, { mean: number }> }> };
    };
    const p = s.coldStarts.byPath['reap-prefetch']!;
    expect(Object.keys(p.counters).sort()).toEqual(['faultCount', 'majorFaults', 'readBytes', 'wsBytes']);
    for (const c of Object.keys(p.counters)) expect(p.phasesMs[c]).toBeUndefined();
    // helloworld's working set: 1965 pages plus 2 of header, one 4 KiB page each.
    expect(p.counters.wsBytes!.mean).toBeCloseTo((1965 + 2) * 4096, -4);
    expect(p.phasesMs.loadVmm!.mean).toBeGreaterThan(1); // ms
  });
});
