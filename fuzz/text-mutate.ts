// Mutations of a file's bytes after serialisation: truncation, byte-order marks and UTF-16,
// duplicate keys, line endings, stray bytes, an empty file.
export type TextOp = 'none' | 'truncate' | 'bom' | 'utf16le' | 'utf16be' | 'duplicate-key' | 'crlf' | 'nul' | 'empty' | 'trailing-garbage' | 'comment';
export const TEXT_OPS: readonly TextOp[] = [
  'none',
  'truncate',
  'bom',
  'utf16le',
  'utf16be',
  'duplicate-key',
  'crlf',
  'nul',
  'empty',
  'trailing-garbage',
  'comment',
];

export interface TextMutation {
  readonly op: TextOp;
  /** A position (modulo the text length) or a choice. */
  readonly at: number;
}

export function applyTextMutation(text: string, m: TextMutation): string | Buffer {
  switch (m.op) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, text.length === 0 ? 0 : m.at % text.length);
    case 'bom':
      return '\ufeff' + text;
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'duplicate-key': {
      // Repeat one `"key": scalar` member with another value right after it.
      const members = [...text.matchAll(/"([^"\\]+)":\s*("(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null)/g)];
      if (members.length === 0) return text;
      const mm = members[m.at % members.length]!;
      const end = mm.index + mm[0].length;
      const other = ['-1', '"x"', 'null', '1e999', '{}'][m.at % 5];
      return `${text.slice(0, end)}, "${mm[1]}": ${other}${text.slice(end)}`;
    }
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'nul': {
      const at = text.length === 0 ? 0 : m.at % text.length;
      return `${text.slice(0, at)}\u0000${text.slice(at)}`;
    }
    case 'empty':
      return '';
    case 'trailing-garbage':
      return text + ['\n{}', ',', '\n\u0000', 'garbage'][m.at % 4];
    case 'comment':
      return `// comment\n${text}`;
  }
}
