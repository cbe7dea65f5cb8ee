import { describe, expect, it } from 'vitest';
import { InvocationTable } from '../../src/model/invocation-table.ts';
import { Col, OutcomeCode, QueueMark } from '../../src/model/invocation.ts';

describe('InvocationTable', () => {
  it('a fresh row reads as a pending request, whatever the row held before', () => {
    const t = new InvocationTable();
    const a = t.alloc(7, 3, 1000, null);
    t.f[a * Col.Stride + Col.Dispatch] = 1500;
    t.setCold(a, 'reap-prefetch');
    t.setOutcome(a, OutcomeCode.Dropped);
    t.reason[a] = 'queue-timeout';
    t.release(a);
    const b = t.alloc(8, 1, 2000, null);
    expect(b).toBe(a); // last freed, first reused
    const v = t.view(b);
    expect([v.id, v.fn, v.arrival, v.dispatch, v.end, v.instance, v.node]).toEqual([8, 1, 2000, -1, -1, -1, -1]);
    expect([v.outcome, v.reason, v.cold, v.startPath, v.host, v.flow]).toEqual(['pending', '', false, 'warm', null, null]);
  });

  it('a reason shows only on a request that was dropped or failed; cold keeps its outcome', () => {
    const t = new InvocationTable();
    const r = t.alloc(1, 0, 0, null);
    t.reason[r] = 'stale';
    t.setCold(r, 'vanilla');
    t.setOutcome(r, OutcomeCode.Completed);
    expect([t.view(r).outcome, t.view(r).reason, t.view(r).cold, t.view(r).startPath]).toEqual(['completed', '', true, 'vanilla']);
    t.setOutcome(r, OutcomeCode.Failed);
    expect([t.view(r).outcome, t.view(r).reason, t.view(r).cold]).toEqual(['failed', 'stale', true]);
  });

  it("a row's own view keeps its fields after the row is reused; the cursor follows rows", () => {
    const t = new InvocationTable();
    const flow = { stage: 2 };
    const r = t.alloc(5, 2, 100, flow);
    const own = t.own(r);
    expect(t.view(r)).toBe(own);
    t.f[r * Col.Stride + Col.End] = 900;
    t.setOutcome(r, OutcomeCode.Completed);
    t.release(r);
    const again = t.alloc(6, 4, 200, null);
    expect(again).toBe(r);
    expect([own.id, own.fn, own.arrival, own.end, own.outcome, own.flow]).toEqual([5, 2, 100, 900, 'completed', flow]);
    const cursor = t.view(again);
    expect(cursor).not.toBe(own);
    expect(cursor.id).toBe(6);
  });

  it('grows past its first capacity without losing rows', () => {
    const t = new InvocationTable();
    const rows = Array.from({ length: 5000 }, (_, i) => t.alloc(i, i % 7, i * 10, null));
    for (let i = 0; i < rows.length; i += 499) {
      const v = t.view(rows[i]!);
      expect([v.id, v.fn, v.arrival]).toEqual([i, i % 7, i * 10]);
    }
  });

  it('get and set address one column of one row; a fresh row was never queued', () => {
    const t = new InvocationTable(2);
    const a = t.alloc(1, 0, 0, null);
    const b = t.alloc(2, 0, 0, null);
    expect(t.get(b, Col.StartMark)).toBe(QueueMark.NeverQueued);
    t.set(b, Col.StartMark, QueueMark.StartUnderWay);
    t.set(a, Col.Work, 42);
    expect([t.get(a, Col.StartMark), t.get(b, Col.StartMark)]).toEqual([QueueMark.NeverQueued, QueueMark.StartUnderWay]);
    expect([t.get(a, Col.Work), t.get(b, Col.Work), t.get(b, Col.Id)]).toEqual([42, 0, 2]);
    expect(t.view(a).work).toBe(42);
  });
});
