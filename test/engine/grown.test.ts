import { describe, expect, it } from 'vitest';
import { grown } from '../../src/engine/grown.ts';

describe('grown', () => {
  it('keeps the type and the contents, and zero-fills the new part', () => {
    const f = grown(Float64Array.of(1.5, 2.5), 4);
    expect(f).toBeInstanceOf(Float64Array);
    expect([...f]).toEqual([1.5, 2.5, 0, 0]);
    const i = grown(Int32Array.of(-7), 3);
    expect(i).toBeInstanceOf(Int32Array);
    expect([...i]).toEqual([-7, 0, 0]);
  });
});
