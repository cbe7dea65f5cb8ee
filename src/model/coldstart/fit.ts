// Calibration of the REAP (ASPLOS'21) cold-start model: shared mechanism costs fitted once, then two
// physical quantities per function solved from that function's measured vanilla and REAP latencies
// (cold page cache, SATA SSD). See docs/calibration.md for the derivation and its caveats.
import * as facts from '../../calibration/mechanism.ts';
import { hostContentionFigures } from '../../calibration/host-contention.ts';
import { reapFunctionFacts, type ReapFunctionFacts } from '../../calibration/reap-functions.ts';
import { PAGE_BYTES } from '../../calibration/mechanism.ts';
import { seqReadCost, seqWriteCost } from '../storage/device-spec.ts';
import { getDeviceSpec } from '../storage/presets.ts';
import { reapPrefetchStartUs, vanillaStartUs, type SnapshotShape } from './analytic.ts';
import type { Mechanism } from './mechanism.ts';

/** The disk the paper measured on; every fit is against it. */
export const CALIBRATION_DISK = 'ssd-sata-2020';

export interface DerivedQuantities {
  /** The function's extra service time per page-cache miss, beyond the shared mechanism (us). */
  readonly missExtraUs: number;
  /** First invocation's execution on a restored instance, fault stalls excluded (us). */
  readonly coldExecutionUs: number;
  /** How the pair was obtained: `exact` (both latencies reproduced) or `balanced` (see docs). */
  readonly fit: 'exact' | 'balanced';
}

export interface Calibration {
  readonly mechanism: Mechanism;
  readonly derived: ReadonlyMap<string, DerivedQuantities>;
}

/** Pages over which a function's working set lies in its memory file (placement assumption). */
export function wsRegionPages(guestMemMiB: number): number {
  return Math.round((hostContentionFigures().wsRegionFraction * guestMemMiB * 1024 * 1024) / PAGE_BYTES);
}

function shapeOf(f: ReapFunctionFacts, missExtraUs: number): SnapshotShape {
  return {
    wsPagesSame: f.wsPagesSame,
    wsPagesUnique: f.wsPagesUnique,
    contiguityPages: f.contiguityPages,
    missExtraUs,
    regionPages: wsRegionPages(f.guestMemMB),
  };
}

function fitMechanismWithoutTrace(): Mechanism {
  const ssd = getDeviceSpec(CALIBRATION_DISK);
  const install = (1000 * facts.HELLO_INSTALL_MS) / facts.HELLO_WS_PAGES;
  const helloBytes = facts.HELLO_WS_PAGES * PAGE_BYTES;
  const base: Mechanism = {
    loadVmmUs: 1000 * facts.LOAD_VMM_MS,
    resumeUs: 1000 * facts.RESUME_MS,
    installUsPerPage: install,
    faultUsPerPage: install,
    // What the 15 ms fetch leaves after the device read of the 8 MB file.
    wsFetchSetupUs: 1000 * facts.HELLO_WS_FETCH_MS - seqReadCost(ssd, helloBytes).latencyUs,
    pageCacheCopyUsPerPage: (1000 * (facts.HELLO_WS_FETCH_PAGECACHE_MS - facts.HELLO_WS_FETCH_ODIRECT_FIG7_MS)) / facts.HELLO_WS_PAGES,
    majorFaultHostUs: 0,
    traceUsPerFault: 0,
    readAroundPages: facts.READ_AROUND_PAGES,
    mmapLotsaMiss: hostContentionFigures().mmapLotsaMiss,
    bootMinUs: 1000 * facts.BOOT_MIN_MS,
    bootMaxUs: 1000 * facts.BOOT_MAX_MS,
  };
  // helloworld is the minimal function: its faults are pure mechanism (missExtra = 0). Its measured
  // vanilla - REAP difference is then linear in the per-miss host cost; solve for it.
  const hello = reapFunctionFacts().find((f) => f.name === 'helloworld')!;
  const s = shapeOf(hello, 0);
  const diff0 = vanillaStartUs(base, ssd, s) - reapPrefetchStartUs(base, ssd, s);
  const sameReads = hello.wsPagesSame / hello.contiguityPages;
  const majorFaultHostUs = (1000 * (hello.vanillaMs - hello.reapMs) - diff0) / sameReads;
  return { ...base, majorFaultHostUs };
}

function deriveFunction(m: Mechanism, f: ReapFunctionFacts): DerivedQuantities {
  const ssd = getDeviceSpec(CALIBRATION_DISK);
  const V = 1000 * f.vanillaMs;
  const R = 1000 * f.reapMs;
  const s0 = shapeOf(f, 0);
  const A0 = vanillaStartUs(m, ssd, s0); // vanilla start, missExtra = 0
  const B0 = reapPrefetchStartUs(m, ssd, s0);
  // Each unit of missExtra adds (scattered + sequential) misses to vanilla and the sequential ones
  // to REAP; the same cold execution adds to both.
  const vMisses = f.wsPagesSame / f.contiguityPages + f.wsPagesUnique / m.readAroundPages;
  const rMisses = f.wsPagesUnique / m.readAroundPages;
  const g = (V - R - (A0 - B0)) / (vMisses - rMisses);
  if (g >= 0) {
    const E = V - (A0 + g * vMisses);
    if (!(E > 0)) throw new Error(`calibration: ${f.name} gets a non-positive cold execution time ${E} us`);
    return { missExtraUs: g, coldExecutionUs: E, fit: 'exact' };
  }
  // The measured vanilla-REAP gap is smaller than the mechanism's floor (the misses cannot be
  // cheaper than a device read). Keep missExtra at 0 and pick the cold execution time that makes the
  // relative errors of the two modes equal and opposite.
  const E = (2 - A0 / V - B0 / R) / (1 / V + 1 / R);
  return { missExtraUs: 0, coldExecutionUs: E, fit: 'balanced' };
}

/** Per-page tracing cost such that the mean record overhead over the ten functions is +28%. */
function fitTrace(m: Mechanism, derived: Map<string, DerivedQuantities>): number {
  const ssd = getDeviceSpec(CALIBRATION_DISK);
  let sumPagesOverV = 0;
  let sumWriteOverV = 0;
  const fs = reapFunctionFacts();
  for (const f of fs) {
    const d = derived.get(f.name)!;
    const s = shapeOf(f, d.missExtraUs);
    const vanilla = vanillaStartUs(m, ssd, s) + d.coldExecutionUs;
    const pages = f.wsPagesSame + f.wsPagesUnique;
    sumPagesOverV += pages / vanilla;
    sumWriteOverV += seqWriteCost(ssd, pages * PAGE_BYTES).latencyUs / vanilla;
  }
  return (facts.RECORD_OVERHEAD_AVG * fs.length - sumWriteOverV) / sumPagesOverV;
}

let cached: Calibration | null = null;

export function calibration(): Calibration {
  if (cached) return cached;
  const m0 = fitMechanismWithoutTrace();
  const derived = new Map<string, DerivedQuantities>();
  for (const f of reapFunctionFacts()) derived.set(f.name, deriveFunction(m0, f));
  const mechanism: Mechanism = { ...m0, traceUsPerFault: fitTrace(m0, derived) };
  cached = { mechanism, derived };
  return cached;
}

export function getMechanism(): Mechanism {
  return calibration().mechanism;
}
