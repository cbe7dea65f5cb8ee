// Expansion of a sweep into runs: the cartesian product of its dimensions (an axis alone, or a
// zip group of axes moving together), times the seeds. Pure and deterministic: the first axis
// varies slowest and the seed fastest, like nested loops written in the file's order.

export interface AxisSpec {
  readonly path: string;
  readonly values: readonly unknown[];
}

export interface Point {
  /** One value per axis, in axis order. */
  readonly values: readonly unknown[];
  readonly seed: number;
}

/** Dimensions as lists of axis positions; a zip group sits where its first-listed axis is. */
export function dimensions(axes: readonly AxisSpec[], zip: readonly (readonly string[])[]): number[][] {
  const groupOf = new Map<string, readonly string[]>();
  for (const g of zip) for (const a of g) groupOf.set(a, g);
  const dims: number[][] = [];
  const placed = new Set<string>();
  axes.forEach((axis) => {
    if (placed.has(axis.path)) return;
    const group = groupOf.get(axis.path) ?? [axis.path];
    // Members keep file order inside the group; validation guarantees they all exist.
    const members = axes.map((a, i) => (group.includes(a.path) ? i : -1)).filter((i) => i >= 0);
    for (const i of members) placed.add(axes[i]!.path);
    dims.push(members);
  });
  return dims;
}

/** Every combination of axis values, first dimension slowest. */
export function combinations(axes: readonly AxisSpec[], zip: readonly (readonly string[])[]): unknown[][] {
  let out: unknown[][] = [new Array<unknown>(axes.length)];
  for (const dim of dimensions(axes, zip)) {
    const length = axes[dim[0]!]!.values.length;
    const next: unknown[][] = [];
    for (const partial of out) {
      for (let k = 0; k < length; k++) {
        const row = partial.slice();
        for (const i of dim) row[i] = axes[i]!.values[k];
        next.push(row);
      }
    }
    out = next;
  }
  return out;
}

/** Combinations times seeds, seeds innermost. */
export function expandPoints(axes: readonly AxisSpec[], zip: readonly (readonly string[])[], seeds: readonly number[]): Point[] {
  const points: Point[] = [];
  for (const values of combinations(axes, zip)) for (const seed of seeds) points.push({ values, seed });
  return points;
}

/** `[1, 2]` as is; `{count, from}` as `from, from+1, ...`. */
export function seedList(seeds: readonly number[] | { count: number; from: number }): number[] {
  if (Array.isArray(seeds)) return [...seeds];
  const { count, from } = seeds as { count: number; from: number };
  return Array.from({ length: count }, (_, i) => from + i);
}
