// Each preset reproduces STeLLAR's single-request calibration points: warm (in-datacenter) and
// cold medians within 10%, p99 within 25%; every preset setting names its source.
import { describe, expect, it } from 'vitest';
import { validateStellar } from '../../src/cli/stellar.ts';
import { heldOutStellar } from '../../src/experiments/stellar-held-out.ts';
import { presetRowProblems, presetRows } from '../../src/scenario/providers.ts';
import { PROVIDER_NAMES } from '../../src/scenario/provider-names.ts';

describe('provider presets vs STeLLAR single requests', () => {
  const checks = validateStellar(1000);
  it('has the warm and cold points of AWS, Google and Azure and the exact transfer points', () => {
    expect(checks.filter((c) => /^(warm|cold)/.test(c.what))).toHaveLength(12);
    const storage = checks.filter((c) => /^(s3|gcs) /.test(c.what)).map((c) => `${c.what} ${c.paper}`);
    expect(storage).toEqual(['s3 1048576 B p50 111', 's3 1048576 B p99 1177', 'gcs 1048576 B p50 155', 'gcs 1048576 B p99 5781']);
    expect(checks.filter((c) => c.what.startsWith('inline '))).toHaveLength(6);
  });
  for (const c of checks) {
    it(`${c.provider} ${c.what}: ${c.sim.toFixed(1)} vs ${c.paper} ms`, () => {
      expect(Math.abs(c.errorPct)).toBeLessThanOrEqual(c.tolerancePct);
    });
  }
  it('every preset setting has a source and says whether it is calibrated', () => {
    for (const r of presetRows()) {
      expect((PROVIDER_NAMES as readonly string[]).includes(r.provider), r.provider).toBe(true);
      expect(r.source.length, `${r.provider} ${r.setting}`).toBeGreaterThan(5);
    }
    // The assumptions are visible as such: every vHive/Knative latency, and the sigmas taken from
    // another runtime.
    const assumed = presetRows()
      .filter((r) => r.calibrated === 'assumption')
      .map((r) => `${r.provider} ${r.setting}`);
    expect(assumed).toContain('vhive-knative platform.frontEnd.median');
    expect(assumed).toContain('aws-lambda runtimeStart.node.zip.sigma');
    expect(assumed).not.toContain('aws-lambda platform.frontEnd.median');
  });

  it('rejects a row with neither a citation nor an assumption mark, naming the line', () => {
    const ok = { provider: 'aws-lambda', setting: 'platform.propagation', value: '26ms', calibrated: 'measured', source: "STeLLAR IISWC'21 §VI-A" };
    expect(presetRowProblems(ok, 2)).toEqual([]);
    expect(presetRowProblems({ ...ok, calibrated: 'assumption', source: 'assumed: clients inside the cluster' }, 2)).toEqual([]);
    expect(presetRowProblems({ ...ok, source: '' }, 7)).toEqual([
      'providers.csv line 7: calibrated is measured but source "" cites nothing; cite the paper, docs or code, or mark the row \'assumption\'',
    ]);
    expect(presetRowProblems({ ...ok, calibrated: 'fitted', source: 'assumed as Python' }, 3)[0]).toMatch(
      /line 3: calibrated is fitted but source "assumed as Python" cites nothing/,
    );
    expect(presetRowProblems({ ...ok, calibrated: '' }, 4)[0]).toMatch(/line 4: calibrated is ""; expected one of fitted, measured, documented, assumption/);
    expect(presetRowProblems({ ...ok, calibrated: 'assumption', source: ' ' }, 5)[0]).toMatch(/line 5: source is empty/);
  });
});

// Points no preset parameter was fitted to. Their outcome is recorded here and in docs/providers.md
// ("Held-out single-request points"); a change of model that moves one across its tolerance fails
// this test until both are updated.
describe('provider presets vs held-out STeLLAR single-request points', () => {
  const held = heldOutStellar(1000);
  const expected: Record<string, boolean> = {
    'aws-lambda +60 MB median - +10 MB median': false, // +33%: Fig. 4 is concave in size, the fetch linear
    'azure-functions +60 MB median - +10 MB median': true,
    'aws-lambda Go image p99 / median (TMR)': false, // 1.46 vs 2.4: the image tail is not in the Go preset
  };
  it('has the three held-out points', () => {
    expect(held.map((c) => `${c.provider} ${c.what}`).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const c of held) {
    it(`${c.provider} ${c.what}: ${c.sim.toFixed(2)} vs ${c.paper} (${c.errorPct.toFixed(1)}%, tolerance ${c.tolerancePct}%) ${expected[`${c.provider} ${c.what}`] ? 'within' : 'a known miss'}`, () => {
      expect(c.ok).toBe(expected[`${c.provider} ${c.what}`]);
      // Misses are bounded: within 50% either way.
      expect(Math.abs(c.errorPct)).toBeLessThan(50);
    });
  }
});
