import { describe, expect, it } from 'vitest';
import { formatTransferValidation, validateTransfers } from '../../../src/cli/validate-transfers.ts';

describe('validateTransfers', () => {
  const v = validateTransfers();
  it('every exact STeLLAR median within 15%', () => {
    const checked = v.rows.filter((r) => r.checked);
    expect(checked.length).toBeGreaterThanOrEqual(6);
    for (const r of checked) expect(Math.abs(r.medianErrorPct!), `${r.method} ${r.payloadBytes}`).toBeLessThanOrEqual(15);
    expect(v.ok).toBe(true);
  });
  it('S3 keeps the long tail up to 1 MB and a short one at 1 GB', () => {
    expect(v.s3TailOk).toBe(true);
    const gb = v.rows.find((r) => r.method === 's3/aws' && r.payloadBytes === 2 ** 30)!;
    expect(gb.simP99Ms / gb.simMedianMs).toBeLessThan(1.5);
  });
  it('is deterministic and formats a table', () => {
    expect(validateTransfers({ repetitions: 200 })).toEqual(validateTransfers({ repetitions: 200 }));
    const text = formatTransferValidation(v);
    expect(text).toMatch(/s3\/aws\s+1 MiB\s+111/);
  });
});
