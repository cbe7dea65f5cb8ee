// Where `sim report` may write: a new file, or a report it wrote before (recognised by its
// marker line). A file that is not ours is replaced only with --force; a folder, a link or
// anything else never. The page lands by rename, so a reader never sees half of it.
import { closeSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lstatOrNull } from '../../metrics/out-path.ts';
import { InputError } from '../../input/errors.ts';
import { REPORT_MARKER } from './page.ts';

function isOurReport(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(512);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').split('\n')[1] === REPORT_MARKER;
  } finally {
    closeSync(fd);
  }
}

/** Why the report may not be written at `file`, or null when it may. */
export function reportOutProblem(file: string, force: boolean): string | null {
  const st = lstatOrNull(file);
  if (st === null) {
    const parent = lstatOrNull(dirname(file));
    return parent?.isDirectory() ? null : `its folder ${dirname(file)} does not exist`;
  }
  if (st.isSymbolicLink()) return 'is a symbolic link: give the file it points to, or another name';
  if (!st.isFile()) return 'is a folder or other non-file: give a file name, e.g. report.html';
  if (isOurReport(file) || force) return null;
  return 'is a file "sim report" did not write: pass --force to replace it, or choose another name';
}

export function writeReport(file: string, html: string, force: boolean): void {
  const problem = reportOutProblem(file, force);
  if (problem) throw new InputError({ file, where: '--out', message: problem });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, html);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
