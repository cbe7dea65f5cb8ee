// Edge values the mutators put into inputs. A Raw value is written into the JSON text as is, for
// numbers JSON.stringify cannot produce (-0, 1e999 which parses to Infinity, 2^53+1 exactly).
export interface Raw {
  readonly raw: string;
}
export type Edge = number | string | boolean | null | Raw | unknown[] | Record<string, unknown>;

export const isRaw = (v: unknown): v is Raw =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Raw).raw === 'string';

export const EDGE_NUMBERS: readonly Edge[] = [
  0,
  -1,
  1,
  0.5,
  1.5,
  1e-300,
  5e-324,
  1e308,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  1e15,
  1e7,
  { raw: '-0' },
  { raw: '1e999' },
  { raw: '-1e999' },
  { raw: '1e-400' },
  { raw: '9007199254740993' },
  { raw: '-0.0' },
  { raw: '1E3' },
];

export const EDGE_STRINGS: readonly string[] = [
  '',
  ' ',
  '0',
  '-0',
  '-0s',
  '0s',
  '1e999s',
  '-1s',
  '1e-300s',
  '1e308s',
  '1e308',
  'NaN',
  'NaNs',
  'Infinity',
  '-Infinity',
  'Infinitys',
  '0x10',
  '1_000',
  '10m',
  '1h',
  '24h',
  '99999h',
  '0/s',
  '-5/s',
  '1e999/s',
  '1e9/s',
  '0B',
  '-1GiB',
  '1e308GiB',
  '999999999999999999999GiB',
  '1e-300MiB',
  '0Gbps',
  '1e999Gbps',
  'ü𝄞',
  '\u0000',
  '\ud800',
  'a'.repeat(300),
  'b'.repeat(20000),
  '__proto__',
  'constructor',
  'toString',
  '../up',
  'a/b',
  './',
  '.',
  'fixed(ttl=-1m)',
  'fixed(ttl=0s)',
  'fixed(ttl=1e999s)',
  'fixed(ttl=NaN)',
  'kpa(tick=0s)',
  'kpa(target=0%)',
  'kpa(maxScaleUp=1e308)',
  'hybrid(range=0h)',
  'hybrid(bin=0m)',
  'hybrid(head=200)',
  'lognormal',
  'reap/../x',
  'reap/helloworld',
  'lru',
  'none',
  'xdt',
  'inline',
  'vanilla',
  'hdd-7200',
];

export const EDGE_OTHERS: readonly Edge[] = [
  true,
  false,
  null,
  [],
  {},
  [0],
  [[]],
  { a: 1 },
  ['x', 1],
  JSON.parse('{"__proto__": 1}') as Record<string, unknown>,
];

export const ALL_EDGES: readonly Edge[] = [...EDGE_NUMBERS, ...EDGE_STRINGS, ...EDGE_OTHERS];

/** Odd member names for "unknown field" mutations. */
export const ODD_KEYS: readonly string[] = ['extra', '__proto__', 'constructor', 'prototype', '', ' ', 'ü𝄞', 'k'.repeat(500), 'version', '$schema'];
