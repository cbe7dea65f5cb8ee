// Simulated time is an integer number of microseconds (safe in a JS number up to 2^53 us, ~285 years).
export const MS = 1_000;
export const SECOND = 1_000_000;
export const MINUTE = 60 * SECOND;
