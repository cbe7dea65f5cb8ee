// The sweep file format (version 1), as a zod schema: a base scenario with fixed overrides, axes of values for
// scenario paths (crossed, or zipped in groups), seeds and optional extra result columns.
import * as z from 'zod'; // a namespace import lets the bundle leave out what is not used (zod's ~40 locales: 370 kB)
import { FOLDER_NAME_HINT, FOLDER_NAME_RE } from '../scenario/schema.ts';

/** Any JSON value: an axis value is written into the scenario as is, then validated there. */
const JsonValue: z.ZodType<unknown> = z.unknown();

const Seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const SweepFile = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1),
  name: z.string().regex(FOLDER_NAME_RE, FOLDER_NAME_HINT).describe('sweep name; the default output folder is sweeps/<name>'),
  description: z.string().optional(),
  base: z.string().min(1).describe('base scenario file, relative to the sweep file'),
  set: z.record(z.string(), JsonValue).default({}).describe('fixed overrides of the base scenario for every run, e.g. {"duration": "2m"}'),
  // Emptiness and unknown paths are checked after parsing, to name the axis in the message.
  axes: z.record(z.string(), z.array(JsonValue)).default({}),
  zip: z
    .array(z.array(z.string()).min(2, 'a zip group names at least two axes'))
    .default([])
    .describe('groups of axes that move together instead of being crossed'),
  seeds: z
    .union([z.array(Seed).min(1, 'give at least one seed'), z.strictObject({ count: z.number().int().min(1), from: Seed.default(1) })])
    .optional()
    .describe('seeds per axis combination (default: the base scenario seed)'),
  metrics: z.array(z.string().min(1)).default([]).describe('extra summary.json paths (e.g. "latencyMs.queueing.p99") appended to results.csv'),
});

export type SweepFileParsed = z.output<typeof SweepFile>;
