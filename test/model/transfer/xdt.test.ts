import { describe, expect, it } from 'vitest';
import type { TransferOutcome } from '../../../src/model/transfer/outcome.ts';
import { dc } from './helpers.ts';

function withAccounting() {
  const log: string[] = [];
  const held = new Map<number, number>();
  const env = dc({
    xdt: {
      onBufferHeld: (inst, bytes) => {
        held.set(inst, (held.get(inst) ?? 0) + bytes);
        log.push(`held ${inst} ${bytes}`);
      },
      onBufferReleased: (inst, bytes, _h, why) => {
        held.set(inst, (held.get(inst) ?? 0) - bytes);
        log.push(`released ${inst} ${bytes} ${why} @${env.sim.now}`);
      },
    },
  });
  return { ...env, log, held };
}

describe('XDT buffers', () => {
  it('accounts the buffer in the sender instance and releases it after the expected pull', () => {
    const { sim, svc, a, b, log, held, outcomes, record } = withAccounting();
    const h = svc.xdt.put(3, a, 1_000_000, 1, 10e6);
    expect(held.get(3)).toBe(1_000_000);
    expect(svc.xdt.heldBy(3)).toBe(1_000_000);
    expect(svc.xdt.heldBytes).toBe(1_000_000);
    svc.xdt.pull(h, b, record);
    sim.run();
    expect(outcomes[0]!.ok).toBe(true);
    // 31 us reference + 800 us of payload at 10 Gb/s + 30 us latency.
    expect(log).toEqual(['held 3 1000000', 'released 3 1000000 pulled @861']);
    expect(held.get(3)).toBe(0);
    expect(svc.xdt.heldBy(3)).toBe(0);
    expect(svc.xdt.stateOf(h)).toBe('released');
    // Provider's view: 1 MB held for 861 us.
    expect(svc.cost.xdtBufferByteUs).toBe(1_000_000 * 861);
  });

  it('an expired buffer makes the pull fail with expired, and frees the memory at expiry', () => {
    const { sim, svc, a, b, log, outcomes, record } = withAccounting();
    const h = svc.xdt.put(5, a, 4096, 1, 1000);
    const k = sim.register('t/late-pull', () => svc.xdt.pull(h, b, record));
    sim.schedule(2000, k, 0);
    sim.run();
    expect(log).toEqual(['held 5 4096', 'released 5 4096 expired @1000']);
    const o = outcomes[0]! as TransferOutcome;
    expect(o.ok).toBe(false);
    if (!o.ok) {
      expect(o.reason).toBe('expired');
      expect(o.atUs).toBe(2000);
    }
    expect(svc.xdt.expiredBuffers).toBe(1);
    expect(svc.xdt.failedPulls).toBe(1);
  });

  it('a pull in flight at expiry completes; the buffer is freed when it ends', () => {
    const { sim, svc, a, b, log, outcomes, record } = withAccounting();
    const h = svc.xdt.put(1, a, 10_000_000, 2, 1000); // 8000 us to pull; expires at 1000
    svc.xdt.pull(h, b, record);
    sim.run();
    expect(outcomes[0]!.ok).toBe(true);
    expect(log[1]).toBe('released 1 10000000 expired @8061');
    expect(svc.xdt.stateOf(h)).toBe('expired');
  });

  it('broadcast: N pulls to N receivers (concurrent flows share the sender NIC), released after the last', () => {
    const { sim, svc, a, b, c, log, outcomes, record } = withAccounting();
    const h = svc.xdt.put(9, a, 1_000_000, 3, 60e6);
    svc.xdt.pull(h, b, record);
    svc.xdt.pull(h, c, record);
    svc.xdt.pull(h, b, record);
    svc.xdt.pull(h, c, record); // a fourth pull: all three were claimed
    sim.run();
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    const bad = outcomes.find((o) => !o.ok)!;
    if (!bad.ok) expect(bad.reason).toBe('released');
    expect(log.filter((l) => l.startsWith('released'))).toHaveLength(1);
    // Three 1 MB flows share a's 10 Gb/s egress: 2400 us instead of 800 for each.
    const ends = outcomes.filter((o) => o.ok).map((o) => (o.ok ? o.endUs : 0));
    expect(Math.max(...ends)).toBe(31 + 2400 + 30);
    expect(log[1]).toBe(`released 9 1000000 pulled @${31 + 2400 + 30}`);
    expect(svc.xdt.heldBytes).toBe(0);
  });

  it('holds several buffers per instance and rejects bad arguments', () => {
    const { svc, a } = withAccounting();
    svc.xdt.put(2, a, 100, 1, 1e6);
    svc.xdt.put(2, a, 50, 1, 1e6);
    expect(svc.xdt.heldBy(2)).toBe(150);
    expect(() => svc.xdt.put(2, a, 10, 0, 1e6)).toThrow(RangeError);
    expect(() => svc.xdt.put(2, 99, 10, 1, 1e6)).toThrow(RangeError);
  });
});
