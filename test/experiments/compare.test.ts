// The pieces of `sim compare`: flattening summaries, differences without float noise, the
// function movers and the --fail-if grammar.
import { describe, expect, it } from 'vitest';
import { compareSummaries, delta, flattenNumbers, functionMovers } from '../../src/experiments/compare.ts';
import { evaluateCheck, parseCheck } from '../../src/experiments/fail-if.ts';
import { InputError } from '../../src/input/errors.ts';

describe('flattenNumbers', () => {
  it('keeps every number by its path (objects with dots, arrays with [i]) and no strings or booleans', () => {
    const flat = flattenNumbers({ a: { b: 1, c: 'x', d: true }, t: [{ n: 2 }, 3], z: null });
    expect([...flat]).toEqual([
      ['a.b', 1],
      ['t[0].n', 2],
      ['t[1]', 3],
    ]);
  });
});

describe('delta', () => {
  it('rounds to the decimals of the operands and gives a relative change against |baseline|', () => {
    expect(delta(1298.432, 1298.39)).toEqual({ abs: -0.042, rel: -0.042 / 1298.432 });
    expect(delta(-2, -1)).toEqual({ abs: 1, rel: 0.5 });
  });
  it('from 0: no finite relative change unless nothing changed; absent values: no change at all', () => {
    expect(delta(0, 3)).toEqual({ abs: 3, rel: null });
    expect(delta(0, 0)).toEqual({ abs: 0, rel: 0 });
    expect(delta(null, 3)).toEqual({ abs: null, rel: null });
  });
});

describe('compareSummaries', () => {
  it('lists the baseline paths first, then those only later runs have, with absent values null', () => {
    const rows = compareSummaries([
      { x: 1, y: { z: 2 } },
      { x: 2, w: 5 },
    ]);
    expect(rows.map((r) => r.path)).toEqual(['x', 'y.z', 'w']);
    expect(rows[0]!.deltas).toEqual([{ abs: 1, rel: 1 }]);
    expect(rows[1]!.values).toEqual([2, null]);
    expect(rows[2]!.deltas).toEqual([{ abs: null, rel: null }]);
  });
});

describe('functionMovers', () => {
  const a = {
    columns: ['function', 'cold_pct', 'mean_latency_ms', 'extra'],
    rows: [
      ['f', '10', '5', 'q'],
      ['g', '0', '7', 'q'],
      ['h', '1', '1', 'q'],
      ['gone', '1', '1', 'q'],
    ],
  };
  // Columns in another order and one more: read by name.
  const b = {
    columns: ['p99_latency_ms', 'mean_latency_ms', 'function', 'cold_pct'],
    rows: [
      ['9', '5', 'f', '50'],
      ['9', '17', 'g', '0'],
      ['9', '2', 'h', '1'],
      ['9', '3', 'new', '0'],
    ],
  };
  it('ranks by absolute change per column, reads columns by name and lists functions in one run only', () => {
    const m = functionMovers(a, b, 1, 5);
    expect(m.byColumn.map((c) => c.column)).toEqual(['mean_latency_ms', 'cold_pct']);
    expect(m.byColumn[0]!.movers.map((x) => [x.function, x.abs])).toEqual([
      ['g', 10],
      ['h', 1],
    ]);
    expect(m.byColumn[1]!.movers.map((x) => [x.function, x.abs, x.rel])).toEqual([['f', 40, 4]]);
    expect(m.onlyInBaseline).toEqual(['gone']);
    expect(m.onlyInRun).toEqual(['new']);
    expect(functionMovers(a, b, 1, 1).byColumn[0]!.movers).toHaveLength(1);
  });
});

describe('--fail-if', () => {
  const summaries = [
    { latencyMs: { endToEnd: { p99: 100 } }, coldStarts: { invocations: 0 } },
    { latencyMs: { endToEnd: { p99: 106 } }, coldStarts: { invocations: 4 } },
  ];
  const rows = compareSummaries(summaries);
  const run = (text: string) => evaluateCheck(parseCheck(text), rows, summaries, ['a', 'b']);

  it('parses path, operator, signed threshold and % (relative) or not (absolute)', () => {
    expect(parseCheck('latencyMs.endToEnd.p99>5%')).toMatchObject({ path: 'latencyMs.endToEnd.p99', op: '>', threshold: 5, relative: true });
    expect(parseCheck(' invocations.completed <= -1.5 ')).toMatchObject({ path: 'invocations.completed', op: '<=', threshold: -1.5, relative: false });
  });
  it('fails when the change crosses the threshold, relative or absolute, and only then', () => {
    expect(run('latencyMs.endToEnd.p99>5%').failed).toBe(true);
    expect(run('latencyMs.endToEnd.p99>6%').failed).toBe(false);
    expect(run('latencyMs.endToEnd.p99>=6').failed).toBe(true);
    expect(run('latencyMs.endToEnd.p99<0').failed).toBe(false);
  });
  it('a rise from 0 is an infinite relative change', () => {
    const o = run('coldStarts.invocations>1000%');
    expect(o.failed).toBe(true);
    expect(o.changes).toEqual([Infinity]);
  });
  it('bad grammar, a path no summary has and a section instead of a number are input errors naming what was expected', () => {
    expect(() => parseCheck('latencyMs.endToEnd.p99')).toThrow(/expected <metric path><op><threshold>/);
    expect(() => parseCheck('latencyMs.endToEnd.p99>5x')).toThrow(InputError);
    expect(() => parseCheck('latencyMs.endtoend.p99>5%')).toThrow(/"endtoend" is not a field under "latencyMs" \(there: endToEnd/);
    expect(() => run('latencyMs.endToEnd>5%')).toThrow(/is not a number in summary.json; numbers under it: latencyMs.endToEnd.p99/);
  });
});
