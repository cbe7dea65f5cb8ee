// One folder per run, written atomically: everything goes to a temporary sibling folder that is
// renamed into place at the end, so a failed or interrupted run never leaves partial output.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';

export class RunFolder {
  readonly final: string;
  readonly tmp: string;

  constructor(outDir: string) {
    this.final = resolve(outDir);
    // The pid and a counter keep concurrent runs (sweep workers) into the same parent apart.
    this.tmp = join(dirname(this.final), `.tmp-${basename(this.final)}-${process.pid}-${RunFolder.counter++}`);
    mkdirSync(dirname(this.final), { recursive: true });
    rmSync(this.tmp, { recursive: true, force: true });
    mkdirSync(this.tmp);
  }

  private static counter = 0;

  path(name: string): string {
    return join(this.tmp, name);
  }

  writeJson(name: string, value: unknown): void {
    writeFileSync(this.path(name), JSON.stringify(value, null, 2) + '\n');
  }

  writeCsv(name: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
    writeFileSync(this.path(name), stringify([header as string[], ...(rows as (string | number)[][])]));
  }

  /** Moves the finished folder into place, replacing an older run there. */
  commit(): void {
    if (existsSync(this.final)) {
      const old = `${this.tmp}-old`;
      renameSync(this.final, old);
      renameSync(this.tmp, this.final);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(this.tmp, this.final);
    }
  }

  abort(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }
}
