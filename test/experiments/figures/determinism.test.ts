// Same inputs -> same bytes: every available figure generated twice (--quick) into two folders.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableFigureNames, generateFigure } from '../../../src/experiments/figures/registry.ts';

describe('figure output', () => {
  it('is byte-identical across two generations', async () => {
    const a = mkdtempSync(join(tmpdir(), 'fig-det-a-'));
    const b = mkdtempSync(join(tmpdir(), 'fig-det-b-'));
    try {
      for (const name of availableFigureNames()) {
        await generateFigure(name, { out: a, quick: true });
        await generateFigure(name, { out: b, quick: true });
        for (const ext of ['svg', 'csv']) {
          expect(readFileSync(join(a, `${name}.${ext}`)).equals(readFileSync(join(b, `${name}.${ext}`))), `${name}.${ext}`).toBe(true);
        }
      }
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
