// JSON serialisation that writes Raw values verbatim (see edge-values.ts), so the text can hold
// numbers JSON.stringify never emits.
import { isRaw } from './edge-values.ts';

export function toJsonText(value: unknown, indent = 2): string {
  const raws: string[] = [];
  const text = JSON.stringify(
    value,
    (_k, v: unknown) => {
      if (isRaw(v)) {
        raws.push(v.raw);
        return `\u0001RAW${raws.length - 1}\u0001`;
      }
      return v;
    },
    indent,
  );
  // undefined (e.g. a deleted root) still has to be a file: write nothing.
  if (text === undefined) return '';
  return text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]!);
}
