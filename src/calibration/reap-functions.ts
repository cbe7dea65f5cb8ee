// The ten REAP (ASPLOS'21) functions as measured by the paper: working-set pages, contiguity, warm,
// vanilla-snapshot and REAP cold latencies. Facts only; what the model derives from them lives in
// src/model/coldstart/profiles.ts.
import { num, readCalibrationCsv } from './csv.ts';

const FILE = 'reap-asplos21-functions.csv';

export interface ReapFunctionFacts {
  readonly name: string;
  readonly description: string;
  /** The function downloads its input from a storage service (MinIO/S3) on every invocation. */
  readonly inputFromStorage: boolean;
  readonly guestMemMB: number;
  readonly bootedFootprintMB: number;
  readonly wsMB: number;
  /** Working-set pages touched by every input (Fig. 5 "same"). */
  readonly wsPagesSame: number;
  /** Working-set pages that differ from input to input (Fig. 5 "unique"). */
  readonly wsPagesUnique: number;
  /** Mean run length of consecutive guest pages faulted together (Fig. 3). */
  readonly contiguityPages: number;
  readonly warmMs: number;
  readonly vanillaMs: number;
  readonly vanillaLoadVmmMs: number;
  readonly vanillaConnRestoreMs: number;
  readonly vanillaFuncProcMs: number;
  readonly reapMs: number;
  readonly reapLoadVmmMs: number;
  readonly reapConnRestoreMs: number;
  readonly reapFuncProcMs: number;
  readonly reapSpeedup: number;
  readonly source: string;
}

let cache: readonly ReapFunctionFacts[] | null = null;

export function reapFunctionFacts(): readonly ReapFunctionFacts[] {
  if (cache) return cache;
  cache = readCalibrationCsv(FILE).map((r) => ({
    name: r.function!,
    description: r.description!,
    inputFromStorage: r.input_from_s3 === 'yes',
    guestMemMB: num(r, 'guest_mem_MB', FILE),
    bootedFootprintMB: num(r, 'booted_footprint_MB', FILE),
    wsMB: num(r, 'snapshot_ws_MB', FILE),
    wsPagesSame: num(r, 'ws_pages_same', FILE),
    wsPagesUnique: num(r, 'ws_pages_unique', FILE),
    contiguityPages: num(r, 'contiguity_avg_pages', FILE),
    warmMs: num(r, 'warm_ms', FILE),
    vanillaMs: num(r, 'vanilla_snapshot_cold_ms', FILE),
    vanillaLoadVmmMs: num(r, 'vanilla_loadvmm_ms', FILE),
    vanillaConnRestoreMs: num(r, 'vanilla_connrestore_ms', FILE),
    vanillaFuncProcMs: num(r, 'vanilla_funcproc_ms', FILE),
    reapMs: num(r, 'reap_cold_ms', FILE),
    reapLoadVmmMs: num(r, 'reap_loadvmm_ms', FILE),
    reapConnRestoreMs: num(r, 'reap_connrestore_ms', FILE),
    reapFuncProcMs: num(r, 'reap_funcproc_ms', FILE),
    reapSpeedup: num(r, 'reap_speedup_x', FILE),
    source: r.source!,
  }));
  return cache;
}
