// Quantities in scenario files: unit strings ("250ms", "256MiB", "10Gbps", "5/s") or plain numbers
// in base units (seconds, bytes, bits per second, events per second). Converted once, at the edge.

export type Quantity = number | string;

const TIME_US: Record<string, number> = {
  us: 1,
  µs: 1,
  ms: 1_000,
  s: 1_000_000,
  m: 60_000_000,
  min: 60_000_000,
  h: 3_600_000_000,
  d: 86_400_000_000,
};

const SIZE_B: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

const BANDWIDTH_BPS: Record<string, number> = {
  bps: 1,
  Kbps: 1e3,
  Mbps: 1e6,
  Gbps: 1e9,
  'B/s': 8,
  'KB/s': 8e3,
  'MB/s': 8e6,
  'GB/s': 8e9,
  'MiB/s': 8 * 2 ** 20,
  'GiB/s': 8 * 2 ** 30,
};

const RATE_PER_S: Record<string, number> = {
  '/s': 1,
  '/m': 1 / 60,
  '/min': 1 / 60,
  '/h': 1 / 3600,
  '/d': 1 / 86400,
};

const NUMBER_RE = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*?)\s*$/;

function parseWith(value: Quantity, table: Record<string, number>, plainFactor: number, what: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${what} must be finite`);
    return finite(value * plainFactor, value, what);
  }
  const m = NUMBER_RE.exec(value);
  if (!m) throw new Error(`"${value}" is not a ${what} (e.g. ${examples(table)})`);
  const unit = m[2]!;
  const factor = table[unit];
  if (factor === undefined) {
    throw new Error(`"${value}" has unit "${unit}", expected a ${what} unit: ${Object.keys(table).join(', ')}`);
  }
  return finite(Number(m[1]) * factor, value, what);
}

// "1e999s" parses as a number, but to Infinity: a unit string must give a finite value.
function finite(v: number, value: Quantity, what: string): number {
  if (!Number.isFinite(v)) throw new Error(`${JSON.stringify(value)} is not a finite ${what}`);
  return v;
}

function examples(table: Record<string, number>): string {
  return Object.keys(table)
    .slice(0, 3)
    .map((u) => `"10${u}"`)
    .join(', ');
}

/** Duration in integer microseconds (rounded to the nearest us); plain numbers are seconds. */
export function parseDuration(value: Quantity): number {
  return Math.round(parseWith(value, TIME_US, 1_000_000, 'duration'));
}

/** Size in bytes; plain numbers are bytes. */
export function parseSize(value: Quantity): number {
  return parseWith(value, SIZE_B, 1, 'size');
}

/** Memory in MiB (fractional allowed); plain numbers are bytes, like every size. */
export function parseMemoryMiB(value: Quantity): number {
  return parseSize(value) / 2 ** 20;
}

/** Bandwidth in bits per second; plain numbers are bits per second. */
export function parseBandwidth(value: Quantity): number {
  return parseWith(value, BANDWIDTH_BPS, 1, 'bandwidth');
}

/** Rate in events per second; plain numbers are per second. */
export function parseRate(value: Quantity): number {
  return parseWith(value, RATE_PER_S, 1, 'rate');
}
