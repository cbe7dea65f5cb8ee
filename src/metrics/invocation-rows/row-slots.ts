// The packed form of an invocations.csv row: the slots a row of numbers holds on its way from the
// simulation thread (row-packer.ts) to whichever thread formats it (native-columns.ts,
// invitro-columns.ts).
export const ID = 0;
export const FN = 1;
export const ARRIVAL = 2;
/** -1: it never ran. */
export const DISPATCH = 3;
export const END = 4;
export const OUTCOME = 5;
export const REASON = 6;
export const START_PATH = 7;
export const COLD = 8;
export const NODE = 9;
export const INSTANCE = 10;
/** The execution time drawn for it before cold extras (us); meaningful only if it ran. */
export const REQUESTED = 11;
/** Compute time from its start to its end (us); -1 if compute did not finish. */
export const COMPUTE = 12;
/** Slots before the phase presence bitmasks (32 phases per slot) and the phase values. */
export const FIXED_SLOTS = 13;

export interface RowLayout {
  readonly phaseCount: number;
  readonly maskSlots: number;
  /** Slots per row. */
  readonly stride: number;
}

export function rowLayout(phaseCount: number): RowLayout {
  const maskSlots = Math.ceil(phaseCount / 32);
  return { phaseCount, maskSlots, stride: FIXED_SLOTS + maskSlots + phaseCount };
}
