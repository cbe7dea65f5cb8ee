// Mutations of trace CSV files: a cell set to an edge value (counts, durations, memory), a line
// cut short, a column missing or extra, an empty or header-only file, a file removed, the trace
// folder replaced by a file.
export type TraceOp =
  'cell' | 'truncate-line' | 'drop-column' | 'extra-column' | 'empty-file' | 'header-only' | 'remove-file' | 'dir-is-file' | 'duplicate-row' | 'blank-lines';
export const TRACE_OPS: readonly TraceOp[] = [
  'cell',
  'cell',
  'cell',
  'truncate-line',
  'drop-column',
  'extra-column',
  'empty-file',
  'header-only',
  'remove-file',
  'dir-is-file',
  'duplicate-row',
  'blank-lines',
];

export const TRACE_CELL_VALUES: readonly string[] = [
  '1e15',
  '0x10',
  '-1',
  '1e7',
  '1e308',
  '1e12',
  '1e999',
  '-0',
  '0',
  '',
  'NaN',
  'Infinity',
  'abc',
  '1.5',
  '2147483648',
  '9007199254740993',
  ' 3',
  '"5"',
  '1e-300',
];

export interface TraceMutation {
  readonly op: TraceOp;
  /** Which file (modulo the file count). */
  readonly file: number;
  readonly row: number;
  readonly col: number;
  readonly pick: number;
}

/** Applies a mutation to a map of file name -> text; null as the whole result means "the folder is a file". */
export function applyTraceMutation(files: Record<string, string>, m: TraceMutation): Record<string, string> | null {
  if (m.op === 'dir-is-file') return null;
  const names = Object.keys(files).sort();
  if (names.length === 0) return files; // every file already removed
  const name = names[m.file % names.length]!;
  const out = { ...files };
  const lines = files[name]!.replace(/\n$/, '').split('\n');
  // Data rows only for cell edits (row 0 is the header), so the parser gets past the header check.
  const dataRow = lines.length > 1 ? 1 + (m.row % (lines.length - 1)) : 0;
  const cells = lines[dataRow]!.split(',');
  const col = m.col % cells.length;
  switch (m.op) {
    case 'cell':
      // Columns past the identifying hashes are the numbers; bias the edit there.
      cells[Math.max(col, Math.min(3, cells.length - 1))] = TRACE_CELL_VALUES[m.pick % TRACE_CELL_VALUES.length]!;
      lines[dataRow] = cells.join(',');
      break;
    case 'truncate-line': {
      const l = lines[dataRow]!;
      lines[dataRow] = l.slice(0, m.pick % Math.max(1, l.length));
      break;
    }
    case 'drop-column':
      cells.splice(col, 1);
      lines[dataRow] = cells.join(',');
      break;
    case 'extra-column':
      lines[dataRow] = `${lines[dataRow]},${TRACE_CELL_VALUES[m.pick % TRACE_CELL_VALUES.length]}`;
      break;
    case 'empty-file':
      out[name] = '';
      return out;
    case 'header-only':
      out[name] = lines[0] + '\n';
      return out;
    case 'remove-file':
      delete out[name];
      return out;
    case 'duplicate-row':
      lines.splice(dataRow, 0, lines[dataRow]!);
      break;
    case 'blank-lines':
      lines.splice(dataRow, 0, '', '   ');
      break;
  }
  out[name] = lines.join('\n') + (m.pick % 2 ? '\n' : '');
  return out;
}
