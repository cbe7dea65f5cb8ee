// Closed-form latency of one cold start alone on an idle device (REAP, ASPLOS'21 phases). The
// calibration inverts these equations; the event-driven paths must agree with them when alone.
import { PAGE_BYTES } from '../../calibration/mechanism.ts';
import { rotationalChainWorkUs, runReadCost, seqReadCost, type ChainReads, type DeviceSpec } from '../storage/device-spec.ts';
import type { Mechanism } from './mechanism.ts';
import { kernelReadAroundCached, type ReadAround } from './read-around.ts';

/** What a fault chain needs: pages, reads of each kind, per-miss extra (the function's g). */
export interface FaultChainShape {
  /** First touches (all of them fault). */
  readonly pages: number;
  /** Misses on scattered pages, each reading `runPages` pages. */
  readonly scatteredReads: number;
  readonly runPages: number;
  /** Misses on input-dependent pages, each reading a read-around window. */
  readonly sequentialReads: number;
  /** The function's extra service time per miss (us). */
  readonly missExtraUs: number;
  /** Per-page tracing cost (record mode) (us). */
  readonly traceUsPerPage: number;
  /** Pages of the memory file over which the scattered reads lie. */
  readonly regionPages: number;
}

export interface ChainCost {
  /** Host/guest CPU time of the chain (us), which does not contend for the device. */
  readonly cpuUs: number;
  /** Device time the chain's reads occupy (us). */
  readonly workUs: number;
  /** Time of the chain alone (us) = cpu + reads' latencies (one outstanding at a time). */
  readonly aloneUs: number;
  readonly reads: number;
  readonly readBytes: number;
}

/** The chain's reads as a device sees them. */
export function chainReads(m: Mechanism, c: FaultChainShape): ChainReads {
  return {
    scatteredReads: c.scatteredReads,
    runPages: c.runPages,
    windowReads: c.sequentialReads,
    windowPages: m.readAroundPages,
    regionBytes: c.regionPages * PAGE_BYTES,
  };
}

export function chainCost(m: Mechanism, spec: DeviceSpec, c: FaultChainShape): ChainCost {
  const reads = c.scatteredReads + c.sequentialReads;
  const cpuUs = c.pages * (m.faultUsPerPage + c.traceUsPerPage) + reads * (m.majorFaultHostUs + c.missExtraUs);
  const readBytes = PAGE_BYTES * (c.scatteredReads * c.runPages + c.sequentialReads * m.readAroundPages);
  if (spec.rotational) {
    // One head: a read's latency is its device time, and the drive's cache serves some reads.
    const workUs = rotationalChainWorkUs(spec, chainReads(m, c), 1, 1);
    return { cpuUs, workUs, aloneUs: cpuUs + workUs, reads, readBytes };
  }
  const run = runReadCost(spec, c.runPages);
  const ra = runReadCost(spec, m.readAroundPages);
  const workUs = c.scatteredReads * run.workUs + c.sequentialReads * ra.workUs;
  const aloneUs = cpuUs + c.scatteredReads * run.latencyUs + c.sequentialReads * ra.latencyUs;
  return { cpuUs, workUs, aloneUs, reads, readBytes };
}

/** Inputs of a snapshot start: the measured page counts and the function's derived quantities. */
export interface SnapshotShape {
  readonly wsPagesSame: number;
  readonly wsPagesUnique: number;
  readonly contiguityPages: number;
  readonly missExtraUs: number;
  /** Pages of the memory file over which the working set lies (placement assumption,
   * host-contention.csv `ws_region_fraction` of the guest memory). */
  readonly regionPages: number;
}

export function wsPages(s: SnapshotShape): number {
  return s.wsPagesSame + s.wsPagesUnique;
}

/** The fault chain of a vanilla (or record) start: every WS page faults; the same pages miss in
 * runs of `contiguity` unless `sameCached`; input-dependent pages always miss, a window at a time.
 * With the kernel's read-around (`kernel`, read-around.ts) a missed run reads a window around it
 * (or, past the mmap_miss limit, each page alone) and runs lying in earlier windows do not miss. */
export function vanillaChain(m: Mechanism, s: SnapshotShape, sameCached: boolean, trace: boolean, readAround: ReadAround = 'none'): FaultChainShape {
  let scatteredReads = sameCached ? 0 : s.wsPagesSame / s.contiguityPages;
  let runPages = s.contiguityPages;
  if (readAround === 'kernel' && scatteredReads > 0) {
    const k = kernelReadAroundCached(scatteredReads, s.contiguityPages, s.regionPages, m.readAroundPages, m.mmapLotsaMiss);
    scatteredReads = k.windowReads + k.singleReads;
    // One read size per chain: the mean (a read's cost is linear in its pages).
    runPages = scatteredReads > 0 ? (k.windowReads * m.readAroundPages + k.singleReads) / scatteredReads : 1;
  }
  return {
    pages: wsPages(s),
    scatteredReads,
    runPages,
    sequentialReads: s.wsPagesUnique / m.readAroundPages,
    missExtraUs: s.missExtraUs,
    traceUsPerPage: trace ? m.traceUsPerFault : 0,
    regionPages: s.regionPages,
  };
}

/** After REAP installed the recorded WS, only this input's own pages fault. */
export function prefetchChain(m: Mechanism, s: SnapshotShape): FaultChainShape {
  return {
    pages: s.wsPagesUnique,
    scatteredReads: 0,
    runPages: s.contiguityPages,
    sequentialReads: s.wsPagesUnique / m.readAroundPages,
    missExtraUs: s.missExtraUs,
    traceUsPerPage: 0,
    regionPages: s.regionPages,
  };
}

/** Start-path time of a vanilla start alone, cold cache (us); add cold execution for latency. */
export function vanillaStartUs(m: Mechanism, spec: DeviceSpec, s: SnapshotShape): number {
  return m.loadVmmUs + m.resumeUs + chainCost(m, spec, vanillaChain(m, s, false, false)).aloneUs;
}

/** WS fetch alone with O_DIRECT (us). */
export function wsFetchUs(m: Mechanism, spec: DeviceSpec, pages: number): number {
  return m.wsFetchSetupUs + seqReadCost(spec, pages * PAGE_BYTES).latencyUs;
}

export function reapPrefetchStartUs(m: Mechanism, spec: DeviceSpec, s: SnapshotShape): number {
  const p = wsPages(s);
  return m.loadVmmUs + wsFetchUs(m, spec, p) + p * m.installUsPerPage + m.resumeUs + chainCost(m, spec, prefetchChain(m, s)).aloneUs;
}
