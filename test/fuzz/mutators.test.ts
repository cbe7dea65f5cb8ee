// The mutators do what their reports say: a reproducer is only useful if the description matches
// the input that was written.
import { describe, expect, it } from 'vitest';
import { applyJsonMutation, describeJsonMutation } from '../../fuzz/json-mutate.ts';
import { toJsonText } from '../../fuzz/json-text.ts';
import { applyTextMutation } from '../../fuzz/text-mutate.ts';
import { applyTraceMutation } from '../../fuzz/trace-mutate.ts';
import { diff, snapshot } from '../../fuzz/snapshot.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('fuzz mutators', () => {
  it('writes raw numbers JSON.stringify cannot (-0, 1e999, 2^53+1)', () => {
    expect(toJsonText({ a: { raw: '-0' }, b: [{ raw: '1e999' }], c: { raw: '9007199254740993' } }, 0)).toBe('{"a":-0,"b":[1e999],"c":9007199254740993}');
  });

  it('replaces the chosen leaf, deletes the chosen member, adds a "__proto__" member as JSON.parse would', () => {
    const doc = { version: 1, fleet: { nodes: [{ count: 8 }] } };
    // Nodes in document order: root, version, fleet, nodes, nodes[0], count.
    expect(describeJsonMutation(doc, { op: 'delete', at: 5, pick: 0 })).toBe('delete@["fleet","nodes",0,"count"]');
    expect(describeJsonMutation(doc, { op: 'leaf', at: 1, pick: 15 })).toBe('leaf@["fleet","nodes",0,"count"]=-0');
    expect(applyJsonMutation(structuredClone(doc), { op: 'delete', at: 5, pick: 0 })).toEqual({ version: 1, fleet: { nodes: [{}] } });
    const leaf = applyJsonMutation(structuredClone(doc), { op: 'leaf', at: 1, pick: 0 }) as { fleet: { nodes: { count: unknown }[] } };
    expect(leaf.fleet.nodes[0]!.count).toBe(0);
    const proto = applyJsonMutation(structuredClone(doc), { op: 'unknown-field', at: 0, pick: 1 });
    expect(toJsonText(proto, 0)).toContain('"__proto__"');
  });

  it('nests deeply as text, past what JSON.stringify could write', () => {
    const text = toJsonText(applyJsonMutation({ a: 1 }, { op: 'deep-nest', at: 1, pick: 2 }), 0);
    expect(text.length).toBeGreaterThan(200_000);
    expect(text.startsWith('{"a":[[[')).toBe(true);
  });

  it('encodes UTF-16 with a byte-order mark and truncates text', () => {
    expect([...(applyTextMutation('{}', { op: 'utf16le', at: 0 }) as Buffer)]).toEqual([0xff, 0xfe, 0x7b, 0, 0x7d, 0]);
    expect(applyTextMutation('{"a":1}', { op: 'truncate', at: 3 })).toBe('{"a');
  });

  it('edits trace cells in data rows, and can turn the folder into a file', () => {
    const files = { 'x.csv': 'h1,h2,h3,h4,1\nA,B,C,D,5\n' };
    expect(applyTraceMutation(files, { op: 'cell', file: 0, row: 0, col: 4, pick: 0 })!['x.csv']).toBe('h1,h2,h3,h4,1\nA,B,C,D,1e15');
    expect(applyTraceMutation(files, { op: 'dir-is-file', file: 0, row: 0, col: 0, pick: 0 })).toBeNull();
  });

  it('sees what a command added, removed or changed', () => {
    const d = mkdtempSync(join(tmpdir(), 'fuzz-snap-'));
    try {
      writeFileSync(join(d, 'a'), '1');
      writeFileSync(join(d, 'b'), '1');
      const before = snapshot(d);
      writeFileSync(join(d, 'a'), '22');
      rmSync(join(d, 'b'));
      writeFileSync(join(d, 'c'), '1');
      expect(diff(before, snapshot(d))).toEqual({ added: ['c'], removed: ['b'], changed: ['a'] });
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
