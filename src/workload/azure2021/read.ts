// Reader of the Azure Functions 2021 per-invocation trace (Zhang et al., SOSP 2021):
// `app,func,end_timestamp,duration` in seconds; start = end_timestamp - duration.
import { column, nonNegative, readCsv } from '../azure2019/csv.ts';
import { InputError } from '../../input/errors.ts';
import { MAX_TRACE_DURATION_MS, MAX_TRACE_TIMESTAMP_S } from '../../input/limits.ts';

export interface InvocationRow {
  app: string;
  func: string;
  endS: number;
  durationS: number;
  line: number;
}

export async function readInvocationFile(file: string, onRow: (row: InvocationRow) => void): Promise<void> {
  let iApp = 0,
    iFunc = 0,
    iEnd = 0,
    iDur = 0;
  const row: InvocationRow = { app: '', func: '', endS: 0, durationS: 0, line: 0 };
  await readCsv(
    file,
    (h) => {
      iApp = column(h, 'app', file);
      iFunc = column(h, 'func', file);
      iEnd = column(h, 'end_timestamp', file);
      iDur = column(h, 'duration', file);
    },
    ({ fields, line }) => {
      row.app = fields[iApp]!;
      row.func = fields[iFunc]!;
      if (!row.app || !row.func) throw new InputError({ file, where: `line ${line}`, message: 'empty app or func' });
      row.endS = nonNegative(fields[iEnd]!, file, line, 'end_timestamp', MAX_TRACE_TIMESTAMP_S);
      row.durationS = nonNegative(fields[iDur]!, file, line, 'duration', MAX_TRACE_DURATION_MS / 1000);
      row.line = line;
      onRow(row);
    },
  );
}
