// Restricting a loaded trace to some of its functions, for one cell of a run split into cells
// (issue 21): checks the chosen indexes and maps each function's index to its place in the subset.

/**
 * `remap[i]` is function i's position in `indices`, or -1 when it is left out. The indexes must be
 * strictly increasing integers in [0, functions): a caller's mistake, not bad input, so a RangeError.
 */
export function subsetRemap(indices: readonly number[], functions: number): Int32Array {
  const remap = new Int32Array(functions).fill(-1);
  let prev = -1;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!Number.isInteger(i) || i <= prev || i >= functions) {
      throw new RangeError(`subset indices must be strictly increasing integers in [0, ${functions}); got ${i} at position ${k}`);
    }
    remap[i] = k;
    prev = i;
  }
  return remap;
}
