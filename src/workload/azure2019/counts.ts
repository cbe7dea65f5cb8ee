// Reader of a 2019 per-minute invocation-count file (Shahrad et al., ATC 2020): one row per
// function, `HashOwner,HashApp,HashFunction,Trigger,1..1440`.
import { InputError } from '../../input/errors.ts';
import { column, count, readCsv } from './csv.ts';
import { MAX_MINUTE_COUNT } from '../../input/limits.ts';

export const MINUTES_PER_DAY = 1440;

export interface CountRow {
  owner: string;
  app: string;
  func: string;
  trigger: string;
  /** Counts of minutes 1..1440 at indices 0..1439. Reused between rows: copy what you keep. */
  counts: Float64Array;
  total: number;
  line: number;
}

export async function readCountFile(file: string, onRow: (row: CountRow) => void): Promise<void> {
  let iOwner = 0,
    iApp = 0,
    iFunc = 0,
    iTrig = 0,
    iFirst = 0;
  const counts = new Float64Array(MINUTES_PER_DAY);
  const row: CountRow = { owner: '', app: '', func: '', trigger: '', counts, total: 0, line: 0 };
  await readCsv(
    file,
    (h) => {
      iOwner = column(h, 'HashOwner', file);
      iApp = column(h, 'HashApp', file);
      iFunc = column(h, 'HashFunction', file);
      iTrig = column(h, 'Trigger', file);
      iFirst = column(h, '1', file);
      for (let m = 0; m < MINUTES_PER_DAY; m++) {
        if (h[iFirst + m] !== String(m + 1)) {
          throw new InputError({
            file,
            where: 'line 1',
            message: `expected minute columns 1..1440 in order (column ${iFirst + m + 1} is "${h[iFirst + m] ?? ''}")`,
          });
        }
      }
    },
    ({ fields, line }) => {
      let total = 0;
      for (let m = 0; m < MINUTES_PER_DAY; m++) {
        const c = count(fields[iFirst + m]!, file, line, `minute ${m + 1}`, MAX_MINUTE_COUNT);
        counts[m] = c;
        total += c;
      }
      row.owner = fields[iOwner]!;
      row.app = fields[iApp]!;
      row.func = fields[iFunc]!;
      row.trigger = fields[iTrig]!;
      if (!row.func || !row.app) throw new InputError({ file, where: `line ${line}`, message: 'empty HashApp or HashFunction' });
      row.total = total;
      row.line = line;
      onRow(row);
    },
  );
}
