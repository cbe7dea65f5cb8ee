// Closed-form latency of one cold start alone on an idle device (REAP, ASPLOS'21 phases). The
// calibration inverts these equations; the event-driven paths must agree with them when alone.
import { PAGE_BYTES } from '../../calibration/mechanism.ts';
import { runReadCost, seqReadCost, seqWriteCost, type DeviceSpec } from '../storage/device-spec.ts';
import type { Mechanism } from './mechanism.ts';

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

export function chainCost(m: Mechanism, spec: DeviceSpec, c: FaultChainShape): ChainCost {
  const run = runReadCost(spec, c.runPages);
  const ra = runReadCost(spec, m.readAroundPages);
  const reads = c.scatteredReads + c.sequentialReads;
  const cpuUs = c.pages * (m.faultUsPerPage + c.traceUsPerPage) + reads * (m.majorFaultHostUs + c.missExtraUs);
  const workUs = c.scatteredReads * run.workUs + c.sequentialReads * ra.workUs;
  const aloneUs = cpuUs + c.scatteredReads * run.latencyUs + c.sequentialReads * ra.latencyUs;
  const readBytes = PAGE_BYTES * (c.scatteredReads * c.runPages + c.sequentialReads * m.readAroundPages);
  return { cpuUs, workUs, aloneUs, reads, readBytes };
}

/** Inputs of a snapshot start: the measured page counts and the function's derived quantities. */
export interface SnapshotShape {
  readonly wsPagesSame: number;
  readonly wsPagesUnique: number;
  readonly contiguityPages: number;
  readonly missExtraUs: number;
}

export function wsPages(s: SnapshotShape): number {
  return s.wsPagesSame + s.wsPagesUnique;
}

/** The fault chain of a vanilla (or record) start: every WS page faults; the same pages miss in
 * runs of `contiguity` unless `sameCached`; input-dependent pages always miss, a window at a time. */
export function vanillaChain(m: Mechanism, s: SnapshotShape, sameCached: boolean, trace: boolean): FaultChainShape {
  return {
    pages: wsPages(s),
    scatteredReads: sameCached ? 0 : s.wsPagesSame / s.contiguityPages,
    runPages: s.contiguityPages,
    sequentialReads: s.wsPagesUnique / m.readAroundPages,
    missExtraUs: s.missExtraUs,
    traceUsPerPage: trace ? m.traceUsPerFault : 0,
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
  return (
    m.loadVmmUs +
    wsFetchUs(m, spec, p) +
    p * m.installUsPerPage +
    m.resumeUs +
    chainCost(m, spec, prefetchChain(m, s)).aloneUs
  );
}

export function reapRecordStartUs(m: Mechanism, spec: DeviceSpec, s: SnapshotShape): number {
  const p = wsPages(s);
  return (
    m.loadVmmUs +
    m.resumeUs +
    chainCost(m, spec, vanillaChain(m, s, false, true)).aloneUs +
    seqWriteCost(spec, p * PAGE_BYTES).latencyUs
  );
}
