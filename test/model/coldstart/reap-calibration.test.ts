import { describe, expect, it } from 'vitest';
import { validateReap } from '../../../src/cli/validate.ts';
import { runColdStarts } from '../../../src/model/coldstart/experiment.ts';
import { getFunctionProfile, listFunctionProfiles } from '../../../src/model/coldstart/profiles.ts';
import { getMechanism } from '../../../src/model/coldstart/fit.ts';
import { RECORD_OVERHEAD_AVG } from '../../../src/calibration/mechanism.ts';

describe('REAP (ASPLOS21) single cold starts, cold page cache, SATA SSD', () => {
  const v = validateReap();
  for (const r of v.rows) {
    it(`${r.function}: vanilla and REAP within 10% of the paper`, () => {
      expect(Math.abs(r.vanillaErrorPct)).toBeLessThanOrEqual(10);
      expect(Math.abs(r.reapErrorPct)).toBeLessThanOrEqual(10);
    });
  }
  it('geometric-mean REAP speedup is 3.7 +/- 0.3', () => {
    expect(v.simGeomeanSpeedup).toBeGreaterThanOrEqual(3.4);
    expect(v.simGeomeanSpeedup).toBeLessThanOrEqual(4.0);
    expect(v.ok).toBe(true);
  });
  it('ten profiles, reachable as reap/<name> and <name>', () => {
    expect(listFunctionProfiles()).toHaveLength(10);
    expect(getFunctionProfile('reap/cnn_serving')).toBe(getFunctionProfile('cnn_serving'));
    expect(getFunctionProfile('reap/nope')).toBeUndefined();
  });
  it('per-function quantities are physical: no negative per-miss time, positive cold execution', () => {
    for (const p of listFunctionProfiles().map((n) => getFunctionProfile(n)!)) {
      expect(p.missExtraUs).toBeGreaterThanOrEqual(0);
      expect(p.coldExecutionUs).toBeGreaterThan(0);
    }
  });
});

describe('vanilla lazy paging explains 43 MB/s against an 850 MB/s disk', () => {
  it('helloworld faults its 8 MB working set at about 43 MB/s', () => {
    const o = runColdStarts({ fn: 'helloworld', mode: 'vanilla' }).outcomes[0]!;
    const m = getMechanism();
    const mbps = (o.phases.faultCount! * 4096) / (o.phases.faults! + m.resumeUs);
    expect(mbps).toBeGreaterThan(38);
    expect(mbps).toBeLessThan(50);
  });
});

describe('REAP record', () => {
  it('is slower than vanilla by the tracing overhead: +28% on average, each function positive', () => {
    let sum = 0;
    const names = listFunctionProfiles();
    for (const fn of names) {
      const van = runColdStarts({ fn, mode: 'vanilla' }).meanUs;
      const rec = runColdStarts({ fn, mode: 'reap', record: true });
      expect(rec.outcomes[0]!.path).toBe('reap-record');
      const over = rec.meanUs / van - 1;
      expect(over).toBeGreaterThan(0.1);
      expect(over).toBeLessThan(0.9);
      sum += over;
    }
    expect(sum / names.length).toBeCloseTo(RECORD_OVERHEAD_AVG, 2);
  });
});
