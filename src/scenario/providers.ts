// Provider presets (AWS Lambda, Google Cloud Functions, Azure Functions as STeLLAR measured them,
// vHive/Knative): each is a bundle of ordinary scenario settings read from
// src/calibration/providers.csv (one row per setting, with its source). Expanding a preset fills
// the settings the scenario leaves out, so `--set` overrides any of them and the resolved scenario
// shows them all.
import { readCalibrationCsv } from '../calibration/csv.ts';
import { PROVIDER_NAMES } from './provider-names.ts';

/**
 * Where a preset value comes from: `fitted` to published measurements, `measured` (a published
 * number taken as is), `documented` (provider documentation or source code), or an `assumption`.
 */
export const CALIBRATION_KINDS = ['fitted', 'measured', 'documented', 'assumption'] as const;
export type CalibrationKind = (typeof CALIBRATION_KINDS)[number];

export interface PresetRow {
  readonly provider: string;
  readonly setting: string;
  readonly value: string;
  readonly calibrated: CalibrationKind;
  readonly source: string;
  readonly notes: string;
}

const FILE = 'providers.csv';
/** A source that only says it is assumed is not a citation. */
const ASSUMED = /^\s*(assum|same as|as above)/i;

/**
 * The problems of one providers.csv record (`line` is its line in the file): an unknown
 * `calibrated` kind, or a row that is neither cited nor marked `assumption`.
 */
export function presetRowProblems(r: Readonly<Record<string, string | undefined>>, line: number): string[] {
  const at = `${FILE} line ${line}`;
  const out: string[] = [];
  for (const f of ['provider', 'setting', 'value'] as const) if (!r[f]) out.push(`${at}: ${f} is empty`);
  const kind = r.calibrated ?? '';
  const source = (r.source ?? '').trim();
  if (!(CALIBRATION_KINDS as readonly string[]).includes(kind)) {
    out.push(`${at}: calibrated is ${JSON.stringify(kind)}; expected one of ${CALIBRATION_KINDS.join(', ')}`);
  } else if (kind !== 'assumption' && (source === '' || ASSUMED.test(source))) {
    out.push(`${at}: calibrated is ${kind} but source ${JSON.stringify(source)} cites nothing; cite the paper, docs or code, or mark the row 'assumption'`);
  }
  if (kind === 'assumption' && source === '') out.push(`${at}: source is empty; say what the assumption is`);
  return out;
}

let rows: readonly PresetRow[] | null = null;

export function presetRows(): readonly PresetRow[] {
  if (rows) return rows;
  const recs = readCalibrationCsv(FILE);
  // Header on line 1, one record per line (no field spans lines).
  const problems = recs.flatMap((r, i) => presetRowProblems(r, i + 2));
  if (problems.length) throw new Error(problems.join('\n'));
  rows = recs.map((r) => ({
    provider: r.provider!,
    setting: r.setting!,
    value: r.value!,
    calibrated: r.calibrated as CalibrationKind,
    source: r.source!,
    notes: r.notes ?? '',
  }));
  return rows;
}

/** The settings of one preset, by setting key (e.g. `platform.propagation`). */
export function presetSettings(provider: string): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const r of presetRows()) if (r.provider === provider) m.set(r.setting, r.value);
  return m;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `parent[key]` as an object, created if absent; null if something else is there (the schema reports it). */
function section(parent: Obj, key: string): Obj | null {
  if (parent[key] === undefined) parent[key] = {};
  return isObj(parent[key]) ? parent[key] : null;
}

function fill(o: Obj | null, key: string, value: unknown): void {
  if (o && o[key] === undefined) o[key] = value;
}

const asValue = (v: string): unknown => (/^-?[0-9.]+$/.test(v) ? Number(v) : v);

/**
 * The scenario with its provider preset expanded (a copy), or the input itself when it names no
 * preset (or a value the schema will reject). Fields the scenario gives are kept.
 */
export function expandProvider(raw: unknown): unknown {
  if (!isObj(raw) || !isObj(raw.platform)) return raw;
  const name = raw.platform.provider;
  if (typeof name !== 'string' || name === 'none' || !(PROVIDER_NAMES as readonly string[]).includes(name)) return raw;
  const s = presetSettings(name);
  const out = structuredClone(raw) as Obj;
  const platform = out.platform as Obj;
  const policies = section(out, 'policies');
  for (const [key, value] of s) {
    const [head, field, more] = key.split('.') as [string, string, string | undefined];
    if (more !== undefined) continue; // assembled below (frontEnd, runtimeStart)
    if (head === 'platform') fill(platform, field, asValue(value));
    else if (head === 'policies') fill(policies, field, value);
    else if (head === 'transfers') fill(section(out, 'transfers'), field, value);
  }
  if (s.has('platform.frontEnd.median')) {
    fill(platform, 'frontEnd', { lognormal: { median: s.get('platform.frontEnd.median'), sigma: Number(s.get('platform.frontEnd.sigma')) } });
  }
  fill(platform, 'reportColdWaits', true);
  const concurrency = s.get('functions.concurrency');
  if (concurrency !== undefined) {
    if (Array.isArray(out.functions)) for (const f of out.functions) if (isObj(f)) fill(f, 'concurrency', Number(concurrency));
    if (Array.isArray(out.workload)) {
      for (const w of out.workload) {
        if (!isObj(w)) continue;
        for (const k of ['azure2019', 'azure2021']) if (isObj(w[k])) fill(w[k] as Obj, 'concurrency', Number(concurrency));
      }
    }
  }
  if (s.has('deployment.storeBandwidth')) {
    const d = section(out, 'deployment');
    if (d) {
      fill(d, 'runtime', 'python');
      fill(d, 'packaging', 'zip');
      fill(d, 'size', '0B');
      fill(d, 'storeBandwidth', s.get('deployment.storeBandwidth'));
      fill(d, 'fetchSigma', Number(s.get('deployment.fetchSigma') ?? 0));
      const median = s.get(`runtimeStart.${String(d.runtime)}.${String(d.packaging)}.median`);
      if (median !== undefined) {
        fill(d, 'runtimeStart', { lognormal: { median, sigma: Number(s.get(`runtimeStart.${String(d.runtime)}.${String(d.packaging)}.sigma`)) } });
      }
    }
  }
  return out;
}

/** Runtime/packaging pairs a preset has a runtime start for, e.g. `python/zip`. */
export function presetRuntimes(provider: string): string[] {
  const out: string[] = [];
  for (const k of presetSettings(provider).keys()) {
    const m = /^runtimeStart\.([a-z]+)\.([a-z]+)\.median$/.exec(k);
    if (m) out.push(`${m[1]}/${m[2]}`);
  }
  return out;
}
