// Each preset reproduces STeLLAR's single-request calibration points: warm (in-datacenter) and
// cold medians within 10%, p99 within 25%; every preset setting names its source.
import { describe, expect, it } from 'vitest';
import { validateStellar } from '../../src/cli/stellar.ts';
import { presetRows } from '../../src/scenario/providers.ts';
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
  it('every preset setting has a source', () => {
    for (const r of presetRows()) {
      expect((PROVIDER_NAMES as readonly string[]).includes(r.provider), r.provider).toBe(true);
      expect(r.source.length, `${r.provider} ${r.setting}`).toBeGreaterThan(5);
    }
  });
});
