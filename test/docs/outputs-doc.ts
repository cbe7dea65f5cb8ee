// Reads docs/outputs.md's tables: for each file heading (### `name`), its documented columns or
// keys in order with their type ("int", "float?", "stats", ...).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocColumn {
  readonly name: string;
  readonly type: string;
  /** Written only by a divided fleet (its meaning says "divided runs only"). */
  readonly dividedOnly?: boolean;
}

export const OUTPUTS_DOC = join(import.meta.dirname, '../../docs/outputs.md');

export function documentedFiles(text = readFileSync(OUTPUTS_DOC, 'utf8')): Map<string, DocColumn[]> {
  const files = new Map<string, DocColumn[]>();
  let current: DocColumn[] | null = null;
  for (const line of text.split('\n')) {
    const h = /^#{2,3} `([^`]+)`\s*$/.exec(line);
    if (h) {
      current = [];
      files.set(h[1]!, current);
      continue;
    }
    if (/^#{1,3} /.test(line)) {
      current = null;
      continue;
    }
    const row = /^\| `([^`]+)` \| ([^|]*) \|/.exec(line);
    if (current && row) current.push({ name: row[1]!, type: row[2]!.trim(), ...(line.includes('divided runs only') ? { dividedOnly: true } : {}) });
  }
  return files;
}
