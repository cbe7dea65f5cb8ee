// The phase columns of invocations.csv: every phase any start path reports, in one fixed order,
// so a run's columns do not depend on its cold-start mode (a phase a path does not have is empty).
import type { StartPath } from './start-path.ts';

/** Times (us) first, by path (delay; boot; deployment fetch; snapshot restore), then the snapshot counters. */
export const PHASE_COLUMNS = [
  'delay',
  'boot',
  'fetch',
  'runtime',
  'control',
  'loadVmm',
  'wsFetch',
  'wsInstall',
  'resume',
  'faults',
  'wsWrite',
  'faultCount',
  'majorFaults',
  'readBytes',
  'wsBytes',
] as const;

/** The phase columns for a run on `path`; throws when it reports a phase the fixed list lacks (a new path must add it there). */
export function phaseColumns(path: Pick<StartPath, 'name' | 'phaseNames'>): readonly string[] {
  const known: readonly string[] = PHASE_COLUMNS;
  const missing = path.phaseNames.filter((p) => !known.includes(p));
  if (missing.length) throw new Error(`start path ${path.name} reports phases missing from PHASE_COLUMNS: ${missing.join(', ')}`);
  return known;
}
