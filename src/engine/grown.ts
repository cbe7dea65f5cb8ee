// Growing the typed arrays behind the engine's and the model's flat tables: a larger array of
// the same type with the old contents at the front (the rest zero).

export type GrowableArray = Float64Array | Int32Array | Uint8Array;

/** A copy of `a` with `capacity` elements (>= a.length). */
export function grown<T extends GrowableArray>(a: T, capacity: number): T {
  const next = new (a.constructor as new (n: number) => T)(capacity);
  next.set(a);
  return next;
}
