// Whether a run (or a sweep's runs) is too large for this machine: refused before anything is
// written unless --force. The decision is pure (enormousProblems); machineLimits reads the machine.
import { statfsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { InputError, type InputProblem } from '../input/errors.ts';
import type { RunEstimate } from './estimate.ts';

/** A trace replay's measured speed (BENCHMARKS.md, 10,000-function replay: 0.84-0.99 M events/s
 * on one core of the bench machine; the bare engine reaches ~5 M). */
export const EVENTS_PER_SECOND = 1e6;
/** Five hours at that speed: 1.8e10 events. A run above it is almost surely a mistyped rate or duration. */
export const MAX_EVENTS = 5 * 3600 * EVENTS_PER_SECOND;
/** Memory kept for the OS and everything else: the larger of 1 GiB and 10% of it. */
const MEMORY_MARGIN = (total: number) => Math.max(2 ** 30, 0.1 * total);

export interface MachineLimits {
  readonly memoryBytes: number;
  readonly maxEvents: number;
  /** Free space on the output folder's file system; null when it cannot be read. */
  readonly freeDiskBytes: number | null;
}

/** Free bytes on the file system that holds `path` (or would: its nearest existing ancestor). */
function freeDisk(path: string): number | null {
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      const s = statfsSync(p);
      return s.bavail * s.bsize;
    } catch {
      if (dirname(p) === p) return null;
    }
  }
}

export function machineLimits(outDir: string): MachineLimits {
  const total = totalmem();
  return { memoryBytes: total - MEMORY_MARGIN(total), maxEvents: MAX_EVENTS, freeDiskBytes: freeDisk(outDir) };
}

const GiB = 2 ** 30;
function fmt(n: number): string {
  for (const [unit, k] of [
    ['T', 1e12],
    ['G', 1e9],
    ['M', 1e6],
  ] as const)
    if (n >= k) return `${+(n / k).toPrecision(3)} ${unit}`;
  return String(Math.round(n));
}
function wall(seconds: number): string {
  if (seconds >= 2 * 86400) return `${Math.round(seconds / 86400)} days`;
  if (seconds >= 7200) return `${Math.round(seconds / 3600)} h`;
  return `${Math.max(1, Math.round(seconds / 60))} min`;
}
const bytes = (n: number) =>
  n >= 1024 * GiB ? `${+(n / 1024 / GiB).toPrecision(3)} TiB` : n >= GiB ? `${+(n / GiB).toPrecision(3)} GiB` : `${+(n / 2 ** 20).toPrecision(3)} MiB`;

/** One line: the estimate's numbers. */
export function formatEstimate(e: RunEstimate): string {
  return (
    `~${fmt(e.arrivals)} arrivals, ~${fmt(e.events)} events (~${wall(e.events / EVENTS_PER_SECOND)} at ${fmt(EVENTS_PER_SECOND)} events/s), ` +
    `~${bytes(e.memoryBytes)} peak memory (${fmt(e.nodes)} nodes, ${fmt(e.functions)} functions, ~${fmt(e.inFlight)} requests in flight, ${fmt(e.timeseriesRows)} time-series rows), ` +
    `~${bytes(e.outputBytes)} of CSV output`
  );
}

/**
 * Why these runs are too large for `limits` (empty: they are not). Memory and events are per run;
 * the output is the runs' sum against the free disk space.
 */
export function enormousProblems(runs: readonly { readonly label: string; readonly estimate: RunEstimate }[], limits: MachineLimits): string[] {
  const problems: string[] = [];
  for (const { label, estimate: e } of runs) {
    const over: string[] = [];
    if (e.memoryBytes > limits.memoryBytes) over.push(`memory above this machine's ${bytes(limits.memoryBytes)} (total less a margin)`);
    if (e.events > limits.maxEvents) over.push(`events above ${fmt(limits.maxEvents)} (about 5 hours)`);
    if (over.length) problems.push(`${label}: too large: ${over.join('; ')}: ${formatEstimate(e)}`);
  }
  const output = runs.reduce((n, r) => n + r.estimate.outputBytes, 0);
  if (limits.freeDiskBytes !== null && output > limits.freeDiskBytes) {
    problems.push(`the output (~${bytes(output)} of CSV) exceeds the ${bytes(limits.freeDiskBytes)} free on the output folder's file system`);
  }
  return problems;
}

/** Throws an InputError listing every problem, ending with how to run anyway. */
export function refuseEnormous(runs: readonly { readonly label: string; readonly estimate: RunEstimate }[], limits: MachineLimits, file?: string): void {
  const problems = enormousProblems(runs, limits);
  if (problems.length === 0) return;
  const list: InputProblem[] = problems.map((message) => ({ ...(file !== undefined ? { file } : {}), message }));
  list.push({
    message: 'nothing was run or written; pass --force to run it anyway (check the scenario for a mistyped rate, duration or time-series interval first)',
  });
  throw new InputError(list);
}
