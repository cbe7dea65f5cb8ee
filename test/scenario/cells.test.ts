// fleet.cells: which cell each application, workflow and node belongs to, and the checks of it.
import { describe, expect, it } from 'vitest';
import { assignCells, cellGroupCounts, cellProblems, fnv1a } from '../../src/scenario/cells.ts';
import { InputError } from '../../src/input/errors.ts';
import { scenario } from '../helpers.ts';

const fns = (names: [string, string][]) => names.map(([name, app]) => ({ name, app }));

describe('cell assignment', () => {
  it('FNV-1a is the published 32-bit hash (test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('every function of an application lands in its cell, by the hash of the application name', () => {
    const s = scenario({ fleet: { nodes: [{ count: 8, cores: 4, memory: '4GiB' }], cells: 4 } });
    const list = fns([
      ['a1', 'shop'],
      ['a2', 'shop'],
      ['b1', 'blog'],
      ['c1', 'mail'],
      ['a3', 'shop'],
    ]);
    const a = assignCells(s, list);
    expect(a.cells).toBe(4);
    const shop = fnv1a('shop') % 4;
    expect([a.ofFunction[0], a.ofFunction[1], a.ofFunction[4]]).toEqual([shop, shop, shop]);
    expect(a.ofFunction[2]).toBe(fnv1a('blog') % 4);
    expect(a.ofFunction[3]).toBe(fnv1a('mail') % 4);
  });

  it('an explicit cell places the whole application, and conflicting cells are an input error naming both', () => {
    const s = scenario({
      fleet: { nodes: [{ count: 4, cores: 4, memory: '4GiB' }], cells: 4 },
      functions: [
        { name: 'x', app: 'shop', execution: '1ms', cell: 3 },
        { name: 'y', app: 'shop', execution: '1ms' },
      ],
    });
    const a = assignCells(
      s,
      fns([
        ['x', 'shop'],
        ['y', 'shop'],
      ]),
    );
    expect([...a.ofFunction]).toEqual([3, 3]);
    const bad = {
      fleet: { nodes: [{ count: 4, cores: 4, memory: '4GiB' }], cells: 4 },
      functions: [
        { name: 'x', app: 'shop', execution: '1ms', cell: 3 },
        { name: 'y', app: 'shop', execution: '1ms', cell: 1 },
      ],
    };
    expect(() => scenario(bad)).toThrow(InputError);
    expect(() => scenario(bad)).toThrow(/functions\[1\]\.cell: cell 1, but functions\[0\] puts application "shop" in cell 3/);
  });

  it("a workflow's stages always land in one cell, whatever their applications", () => {
    // Many apps, so that a hash alone would spread them over the cells.
    const names = Array.from({ length: 12 }, (_, i) => `fn${i}`);
    const s = scenario({
      fleet: { nodes: [{ count: 8, cores: 4, memory: '4GiB' }], cells: 8 },
      functions: names.map((n) => ({ name: n, app: `app-${n}`, execution: '1ms' })),
      workflows: [
        { name: 'w1', stages: names.slice(0, 6).map((n, i) => ({ name: `s${i}`, function: n, ...(i > 0 ? { after: [`s${i - 1}`] } : {}) })) },
        { name: 'w2', stages: names.slice(6).map((n, i) => ({ name: `s${i}`, function: n, ...(i > 0 ? { after: [`s${i - 1}`] } : {}) })) },
      ],
    });
    const a = assignCells(
      s,
      names.map((n) => ({ name: n, app: `app-${n}` })),
    );
    expect(new Set([...a.ofFunction.slice(0, 6)]).size).toBe(1);
    expect(new Set([...a.ofFunction.slice(6)]).size).toBe(1);
    expect(a.ofWorkflow[0]).toBe(a.ofFunction[0]);
    expect(a.ofWorkflow[1]).toBe(a.ofFunction[6]);
    // The group takes the hash of its smallest application name.
    expect(a.ofFunction[0]).toBe(fnv1a('app-fn0') % 8);
  });

  it("'balanced' puts the largest expected loads first, each into the least loaded cell", () => {
    const s = scenario({ fleet: { nodes: [{ count: 3, cores: 4, memory: '4GiB' }], cells: 3, cellAssignment: 'balanced' } });
    // Apps a..f with loads 50, 40, 30, 20, 10, 10 (app "a" has two functions, 30 + 20).
    const list = fns([
      ['a1', 'a'],
      ['b', 'b'],
      ['c', 'c'],
      ['d', 'd'],
      ['e', 'e'],
      ['f', 'f'],
      ['a2', 'a'],
    ]);
    const a = assignCells(s, list, undefined, [30, 40, 30, 20, 10, 10, 20]);
    // LPT: a(50) -> 0, b(40) -> 1, c(30) -> 2, d(20) -> 2 (loads 50, 40, 30), e(10) -> 1 (50, 40, 50),
    // f(10) -> 0 (a tie at 50, 50, 50 goes to the lower index).
    expect([...a.ofFunction]).toEqual([0, 1, 2, 2, 1, 0, 0]);
    // The hash mode ignores the loads.
    const h = assignCells(scenario({ fleet: { nodes: [{ count: 3, cores: 4, memory: '4GiB' }], cells: 3 } }), list, undefined, [30, 40, 30, 20, 10, 10, 20]);
    expect(h.ofFunction[1]).toBe(fnv1a('b') % 3);
  });

  it('node groups are split evenly, the first cells taking the remainder', () => {
    const s = scenario({
      fleet: {
        nodes: [
          { count: 10, cores: 4, memory: '4GiB' },
          { count: 3, cores: 8, memory: '8GiB' },
        ],
        cells: 4,
      },
    });
    const counts = [0, 1, 2, 3].map((c) => cellGroupCounts(s, c, 4));
    expect(counts).toEqual([
      [3, 1],
      [3, 1],
      [2, 1],
      [2, 0],
    ]);
    expect(counts.reduce((a, c) => a + c[0]! + c[1]!, 0)).toBe(13);
  });

  it('more cells than nodes, or a cell out of range, are reported by the scenario check', () => {
    expect(() => scenario({ fleet: { nodes: [{ count: 2, cores: 4, memory: '4GiB' }], cells: 3 } })).toThrow(
      /fleet\.cells: 3 cells but 2 nodes: every cell needs at least one node/,
    );
    expect(() =>
      scenario({ fleet: { nodes: [{ count: 2, cores: 4, memory: '4GiB' }], cells: 2 }, functions: [{ name: 'f', execution: '1ms', cell: 2 }] }),
    ).toThrow(/functions\[0\]\.cell: cell 2, but fleet\.cells is 2: expected 0 to 1/);
    // Without fleet.cells there is one cell: 0 is the only one.
    expect(() => scenario({ functions: [{ name: 'f', execution: '1ms', cell: 1 }] })).toThrow(/cell 1, but fleet\.cells is 1: expected 0 to 0/);
    const ok = scenario({ fleet: { nodes: [{ count: 2, cores: 4, memory: '4GiB' }], cells: 2 } });
    expect(cellProblems(ok, 'x.json')).toEqual([]);
  });
});
