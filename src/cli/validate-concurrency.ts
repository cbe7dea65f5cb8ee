// `sim validate reap --concurrency`: predictions of N simultaneous cold starts on one REAP host
// (48 hardware threads), per disk: mean cold latency (vanilla, REAP), the aggregate read throughput
// and the resource that bounds it; then every function alone on the HDD and NVMe with the
// geometric-mean REAP speedup. None of these numbers was fitted (docs/calibration.md §6).
import { runColdStarts, type ColdStartResult } from '../model/coldstart/experiment.ts';
import { getFunctionProfile, listFunctionProfiles } from '../model/coldstart/profiles.ts';
import type { ReadAround } from '../model/coldstart/read-around.ts';

export const CONCURRENCY_NS = [1, 2, 4, 8, 16, 32, 64];
export const CONCURRENCY_DISKS = ['ssd-sata-2020', 'nvme-2020', 'hdd-7200'];

/** A resource counts as bounding when it is busy at least this fraction of the time. */
const BOUND_AT = 0.7;

export interface LoadStats {
  readonly meanMs: number;
  /** Mean start-path (load) time, first execution excluded (ms). */
  readonly meanLoadMs: number;
  /** Working-set bytes x N / mean load time (MB/s). */
  readonly aggregateMBps: number;
  /** Device busy fraction until the last start was ready; host CPU fraction of cores over the run. */
  readonly deviceUtil: number;
  readonly cpuUtil: number;
  readonly bound: string;
}

export function loadStats(fn: string, r: ColdStartResult): LoadStats {
  const p = getFunctionProfile(fn)!;
  const n = r.readyUs.length;
  const meanLoad = r.readyUs.reduce((a, b) => a + b, 0) / n;
  const lastReady = Math.max(...r.readyUs);
  const wsBytes = (p.wsPagesSame + p.wsPagesUnique) * 4096;
  const deviceUtil = r.device.deliveredWorkUs / lastReady;
  const cpuUtil = r.cpu.deliveredUs / (r.cpu.cores * r.device.elapsedUs);
  let bound = 'none (serial per-start latency)';
  if (deviceUtil >= BOUND_AT && deviceUtil >= cpuUtil) bound = 'device';
  else if (cpuUtil >= BOUND_AT) bound = 'host CPU';
  return { meanMs: r.meanUs / 1000, meanLoadMs: meanLoad / 1000, aggregateMBps: (wsBytes * n) / meanLoad, deviceUtil, cpuUtil, bound };
}

const pad = (x: string, w: number): string => x.padStart(w);
const geomean = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/** How the tables were made, said in their titles when it is not the default. */
const aroundNote = (ra: ReadAround): string => (ra === 'none' ? '' : `, read-around ${ra}`);

function nTable(fn: string, disk: string, readAround: ReadAround): string[] {
  const out = [
    `${fn} on ${disk}, N simultaneous cold starts (each its own snapshot copy), cold page cache, 48 threads${aroundNote(readAround)}`,
    '   N  vanilla ms  MB/s  dev%  cpu%  bound                            REAP ms   MB/s  dev%  cpu%  bound                            speedup',
  ];
  for (const n of CONCURRENCY_NS) {
    const v = loadStats(fn, runColdStarts({ fn, mode: 'vanilla', n, disk, readAround }));
    const r = loadStats(fn, runColdStarts({ fn, mode: 'reap', n, disk, readAround }));
    const cols = (s: LoadStats, w: number): string =>
      `${pad(s.meanMs.toFixed(1), w)} ${pad(s.aggregateMBps.toFixed(0), 5)} ${pad((100 * s.deviceUtil).toFixed(0), 5)} ${pad((100 * s.cpuUtil).toFixed(0), 5)}  ${s.bound.padEnd(31)}`;
    out.push(`${pad(String(n), 4)} ${cols(v, 11)} ${cols(r, 9)} ${pad((v.meanMs / r.meanMs).toFixed(2), 7)}x`);
  }
  return out;
}

function perFunction(disk: string, readAround: ReadAround): string[] {
  const out = [`every function alone on ${disk} (cold page cache${aroundNote(readAround)}); latencies in ms`, 'function           vanilla       REAP  speedup'];
  const speedups: number[] = [];
  for (const preset of listFunctionProfiles()) {
    const v = runColdStarts({ fn: preset, mode: 'vanilla', disk, readAround }).meanUs / 1000;
    const r = runColdStarts({ fn: preset, mode: 'reap', disk, readAround }).meanUs / 1000;
    speedups.push(v / r);
    out.push(`${getFunctionProfile(preset)!.name.padEnd(16)} ${pad(v.toFixed(1), 10)} ${pad(r.toFixed(1), 10)} ${pad((v / r).toFixed(2), 7)}x`);
  }
  out.push(`geometric-mean REAP speedup on ${disk}: ${geomean(speedups).toFixed(2)}x`);
  return out;
}

/** The tables; `readAround` switches the kernel's read-around on same-page faults (read-around.ts). */
export function formatConcurrency(readAround: ReadAround = 'none'): string {
  const out: string[] = [];
  for (const disk of CONCURRENCY_DISKS) out.push(...nTable('helloworld', disk, readAround), '');
  for (const disk of ['hdd-7200', 'nvme-2020', ...(readAround === 'none' ? [] : ['ssd-sata-2020'])]) out.push(...perFunction(disk, readAround), '');
  out.push(
    'MB/s: working-set bytes x N / mean load time. dev%: device busy until the last start is ready;',
    `cpu%: host CPU delivered / (48 x run time). bound: the resource busy >= ${100 * BOUND_AT}% of the time.`,
  );
  return out.join('\n');
}
