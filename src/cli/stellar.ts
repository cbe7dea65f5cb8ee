// `sim stellar [experiment ...] [--provider p] [--json]`: STeLLAR's single-request and burst
// experiments on the provider presets (src/experiments/stellar.ts), median and p99 beside the
// paper's values; `sim validate stellar` holds the calibrated points to their tolerances.
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { runStellar, STELLAR_EXPERIMENTS, STELLAR_PROVIDERS, type StellarExperiment, type StellarPoint } from '../experiments/stellar.ts';
import type { Figure } from '../calibration/stellar.ts';
import type { HeldOutCheck } from '../experiments/stellar-held-out.ts';

/** A calibrated median may be off by at most 10%, a p99 by 25%. */
export const STELLAR_MEDIAN_TOLERANCE = 0.1;
export const STELLAR_P99_TOLERANCE = 0.25;

const fig = (f: Figure | null): string => (f === null ? '-' : `${f.approx ? '~' : ''}${f.value}`);
const ms = (x: number): string => x.toFixed(1);

function paramText(p: StellarPoint['params']): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

export function formatStellar(points: readonly StellarPoint[]): string {
  const rows = [['provider', 'experiment', 'parameters', 'p50 ms', 'paper p50', 'p99 ms', 'paper p99', 'note']];
  for (const p of points) {
    const note = [
      p.inDatacenter ? `in-datacenter ${ms(p.inDatacenter.p50Ms)} / ${ms(p.inDatacenter.p99Ms)} ms` : '',
      p.paperInDatacenter ? `in-datacenter paper ${fig(p.paperInDatacenter.p50Ms)} / ${fig(p.paperInDatacenter.p99Ms)} ms` : '',
      p.note ?? '',
    ]
      .filter(Boolean)
      .join('; ');
    rows.push([p.provider, p.experiment, paramText(p.params), ms(p.p50Ms), fig(p.paperP50Ms), ms(p.p99Ms), fig(p.paperP99Ms), note]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

export function stellarJsonLine(p: StellarPoint): string {
  return JSON.stringify({
    provider: p.provider,
    experiment: p.experiment,
    ...p.params,
    p50Ms: p.p50Ms,
    p99Ms: p.p99Ms,
    paperP50Ms: p.paperP50Ms?.value ?? null,
    paperP99Ms: p.paperP99Ms?.value ?? null,
    ...(p.inDatacenter ? { inDatacenterP50Ms: p.inDatacenter.p50Ms, inDatacenterP99Ms: p.inDatacenter.p99Ms } : {}),
    ...(p.paperInDatacenter
      ? { paperInDatacenterP50Ms: p.paperInDatacenter.p50Ms?.value ?? null, paperInDatacenterP99Ms: p.paperInDatacenter.p99Ms?.value ?? null }
      : {}),
  });
}

export interface StellarCheck {
  readonly provider: string;
  readonly what: string;
  readonly sim: number;
  readonly paper: number;
  readonly errorPct: number;
  readonly tolerancePct: number;
  readonly ok: boolean;
}

/**
 * The calibrated points: warm (in-datacenter) and cold single requests of the AWS, Google and Azure
 * presets, and every transfer chain number the paper gives exactly (inline, S3, GCS). Numbers read
 * off a figure are not checked.
 */
export function validateStellar(requests = 1000): StellarCheck[] {
  const out: StellarCheck[] = [];
  const check = (provider: string, what: string, sim: number, paper: Figure | null | undefined, tol: number) => {
    if (!paper || paper.approx) return;
    const errorPct = (100 * (sim - paper.value)) / paper.value;
    out.push({ provider, what, sim, paper: paper.value, errorPct, tolerancePct: 100 * tol, ok: Math.abs(errorPct) <= 100 * tol });
  };
  // The cold p99s of AWS and Azure are median x TMR (both exact in the text), so they are checked.
  const derived = (f: Figure | null): Figure | null => (f ? { value: f.value, approx: false } : null);
  for (const provider of ['aws-lambda', 'google-cloud-functions', 'azure-functions']) {
    const [w] = runStellar('warm', provider, { requests });
    if (w!.paperInDatacenter && w!.inDatacenter) {
      check(provider, 'warm p50 (in-datacenter)', w!.inDatacenter.p50Ms, w!.paperInDatacenter.p50Ms, STELLAR_MEDIAN_TOLERANCE);
      check(provider, 'warm p99 (in-datacenter)', w!.inDatacenter.p99Ms, w!.paperInDatacenter.p99Ms, STELLAR_P99_TOLERANCE);
    }
    const [c] = runStellar('cold', provider, { requests });
    check(provider, 'cold p50', c!.p50Ms, derived(c!.paperP50Ms), STELLAR_MEDIAN_TOLERANCE);
    check(provider, 'cold p99', c!.p99Ms, derived(c!.paperP99Ms), STELLAR_P99_TOLERANCE);
    for (const t of runStellar('transfer', provider, { requests })) {
      const what = `${t.params.method} ${t.params.bytes} B`;
      check(provider, `${what} p50`, t.p50Ms, t.paperP50Ms, STELLAR_MEDIAN_TOLERANCE);
      check(provider, `${what} p99`, t.p99Ms, t.paperP99Ms, STELLAR_P99_TOLERANCE);
    }
  }
  return out;
}

export function formatStellarValidation(checks: readonly StellarCheck[]): string {
  const lines = checks.map(
    (c) =>
      `${c.provider.padEnd(23)} ${c.what.padEnd(27)} sim ${ms(c.sim).padStart(7)}  paper ${String(c.paper).padStart(6)}  ${c.errorPct >= 0 ? '+' : ''}${c.errorPct.toFixed(1)}% (tolerance ${c.tolerancePct}%)  ${c.ok ? 'ok' : 'OFF'}`,
  );
  const bad = checks.filter((c) => !c.ok).length;
  lines.push(bad === 0 ? 'all calibrated points within tolerance' : `${bad} point(s) out of tolerance`);
  return lines.join('\n');
}

/** Held-out points: reported with their tolerance, never gating (they test mechanisms, not fits). */
export function formatHeldOut(checks: readonly HeldOutCheck[]): string {
  const lines = ['held out (not fitted; reported, not gating):'];
  for (const c of checks) {
    const v = (x: number) => (c.what.includes('TMR') ? x.toFixed(2) : ms(x));
    lines.push(
      `${c.provider.padEnd(23)} ${c.what.padEnd(30)} sim ${v(c.sim).padStart(7)}  paper ${v(c.paper).padStart(7)} ${c.paperSource}  ${c.errorPct >= 0 ? '+' : ''}${c.errorPct.toFixed(1)}% (tolerance ${c.tolerancePct}%)  ${c.ok ? 'ok' : 'MISS'}`,
    );
  }
  return lines.join('\n');
}

interface StellarArgs {
  experiments?: string[];
  provider?: string[];
  json: boolean;
}

export const stellarCommand: CommandModule<object, StellarArgs> = {
  command: 'stellar [experiments..]',
  describe: "STeLLAR's experiments on the provider presets: median and p99 beside the paper's values",
  builder: (y: Argv) =>
    y
      .positional('experiments', { type: 'string', array: true, choices: [...STELLAR_EXPERIMENTS], describe: 'default: all' })
      .option('provider', { type: 'string', array: true, choices: [...STELLAR_PROVIDERS], describe: 'default: all' })
      .option('json', { type: 'boolean', default: false, describe: 'one JSON object per line' }) as Argv<StellarArgs>,
  handler: (args: ArgumentsCamelCase<StellarArgs>) => {
    const experiments = (args.experiments?.length ? args.experiments : [...STELLAR_EXPERIMENTS]) as StellarExperiment[];
    const providers = args.provider?.length ? args.provider : [...STELLAR_PROVIDERS];
    const points: StellarPoint[] = [];
    for (const e of experiments) {
      for (const p of providers) {
        const got = runStellar(e, p);
        if (args.json) for (const x of got) process.stdout.write(stellarJsonLine(x) + '\n');
        points.push(...got);
      }
    }
    if (!args.json) process.stdout.write(formatStellar(points) + '\n');
  },
};
