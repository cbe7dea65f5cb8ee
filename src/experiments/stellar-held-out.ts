// Held-out single-request points of STeLLAR (IISWC'21) that no preset parameter was fitted to: they
// check the presets' mechanisms (a fetch proportional to the package size; a runtime start whose
// spread does not depend on packaging) rather than their fits. Reported by `sim validate stellar`
// beside the calibrated points, with whether each lands within its tolerance; not gating.
import { paperRow, runStellarScenario, LONG_IAT } from './stellar.ts';

export interface HeldOutCheck {
  readonly provider: string;
  readonly what: string;
  readonly sim: number;
  readonly paper: number;
  /** How the paper's number was obtained (figure-read, exact, derived). */
  readonly paperSource: string;
  readonly errorPct: number;
  readonly tolerancePct: number;
  readonly ok: boolean;
}

/**
 * Tolerances. Fig. 4's medians are read off a log-scale CDF (~5% each); the increment between two
 * of them carries both errors, so 25%. The Go image TMR is exact in the text and is a tail ratio,
 * held to the p99 tolerance, 25%.
 */
export const HELD_OUT_INCREMENT_TOLERANCE = 0.25;
export const HELD_OUT_TMR_TOLERANCE = 0.25;

function check(provider: string, what: string, sim: number, paper: number, paperSource: string, tol: number): HeldOutCheck {
  const errorPct = (100 * (sim - paper)) / paper;
  return { provider, what, sim, paper, paperSource, errorPct, tolerancePct: 100 * tol, ok: Math.abs(errorPct) <= 100 * tol };
}

const imageMedian = (provider: string, mb: number, n: number): number =>
  runStellarScenario({ provider, name: `image-${mb}`, iat: LONG_IAT, count: n, deployment: { size: `${mb}MB` } }).p50Ms;

/**
 * - Fig. 4, +60 MB (AWS, Azure): the presets' fetch bandwidth is fitted to the +10 and +100 MB
 *   medians only. Checked as the increment over +10 MB, because Fig. 4's base is ~100 ms below
 *   §VI-B1's (providers.md), which shifts every absolute value of that experiment.
 * - §VI-B3, Go container image on AWS: its TMR (2.4, exact) was not fitted (the preset takes the
 *   ZIP sigma); its median was (Go ZIP + 25 ms), so only the tail is held out.
 */
export function heldOutStellar(requests = 1000): HeldOutCheck[] {
  const out: HeldOutCheck[] = [];
  for (const provider of ['aws-lambda', 'azure-functions']) {
    const p10 = paperRow(provider, 'cold_image_size', (p) => p === 'extra file 10MB')?.medianMs;
    const p60 = paperRow(provider, 'cold_image_size', (p) => p === 'extra file 60MB')?.medianMs;
    if (!p10 || !p60) continue;
    const sim = imageMedian(provider, 60, requests) - imageMedian(provider, 10, requests);
    out.push(
      check(
        provider,
        '+60 MB median - +10 MB median',
        sim,
        p60.value - p10.value,
        `Fig. 4 (read off the figure: ~${p60.value} - ~${p10.value})`,
        HELD_OUT_INCREMENT_TOLERANCE,
      ),
    );
  }
  const tmr = paperRow('aws-lambda', 'cold_runtime_deploy', (p) => p === 'Go container image')?.tmr;
  if (tmr) {
    const r = runStellarScenario({
      provider: 'aws-lambda',
      name: 'runtime-go-image',
      iat: LONG_IAT,
      count: requests,
      deployment: { runtime: 'go', packaging: 'image' },
    });
    out.push(check('aws-lambda', 'Go image p99 / median (TMR)', r.p99Ms / r.p50Ms, tmr.value, '§VI-B3 (exact)', HELD_OUT_TMR_TOLERANCE));
  }
  return out;
}
