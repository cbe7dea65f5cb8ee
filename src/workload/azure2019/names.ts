// Short, stable function names for trace functions: they name random streams (`arrivals/<name>`)
// and rows of functions.csv, so they depend only on the hashes and on file order for clashes.

export class NameBook {
  private readonly used = new Set<string>();

  /** `<8 hex of app>-<8 hex of function>`; a clash gets `~2`, `~3`, ... in first-come order. */
  name(app: string, func: string): string {
    const base = `${app.slice(0, 8)}-${func.slice(0, 8)}`;
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}~${k}`;
    this.used.add(name);
    return name;
  }
}
