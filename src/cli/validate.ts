// `sim validate reap`: one cold start per REAP function (cold page cache, SATA SSD), vanilla and
// REAP prefetch, driven straight through the start paths; paper vs simulated, error in %, the
// geometric-mean speedup; exit code 1 if any cold start is off by more than 10%.
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { runColdStarts } from '../model/coldstart/experiment.ts';
import { getFunctionProfile, listFunctionProfiles } from '../model/coldstart/profiles.ts';

export const REAP_TOLERANCE = 0.1;

export interface ReapValidationRow {
  readonly function: string;
  readonly warmMs: number;
  readonly paperVanillaMs: number;
  readonly simVanillaMs: number;
  readonly vanillaErrorPct: number;
  readonly paperReapMs: number;
  readonly simReapMs: number;
  readonly reapErrorPct: number;
  readonly paperSpeedup: number;
  readonly simSpeedup: number;
}

export interface ReapValidation {
  readonly rows: ReapValidationRow[];
  readonly paperGeomeanSpeedup: number;
  readonly simGeomeanSpeedup: number;
  /** Every single cold start within REAP_TOLERANCE of the paper. */
  readonly ok: boolean;
}

const pct = (sim: number, paper: number): number => (100 * (sim - paper)) / paper;
const geomean = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

export function validateReap(): ReapValidation {
  const rows: ReapValidationRow[] = [];
  for (const preset of listFunctionProfiles()) {
    const p = getFunctionProfile(preset)!;
    const v = runColdStarts({ fn: preset, mode: 'vanilla' }).meanUs / 1000;
    const r = runColdStarts({ fn: preset, mode: 'reap' }).meanUs / 1000;
    rows.push({
      function: p.name,
      warmMs: p.paper.warmMs,
      paperVanillaMs: p.paper.vanillaMs,
      simVanillaMs: v,
      vanillaErrorPct: pct(v, p.paper.vanillaMs),
      paperReapMs: p.paper.reapMs,
      simReapMs: r,
      reapErrorPct: pct(r, p.paper.reapMs),
      paperSpeedup: p.paper.vanillaMs / p.paper.reapMs,
      simSpeedup: v / r,
    });
  }
  const ok = rows.every((x) => Math.abs(x.vanillaErrorPct) <= 100 * REAP_TOLERANCE && Math.abs(x.reapErrorPct) <= 100 * REAP_TOLERANCE);
  return {
    rows,
    paperGeomeanSpeedup: geomean(rows.map((x) => x.paperSpeedup)),
    simGeomeanSpeedup: geomean(rows.map((x) => x.simSpeedup)),
    ok,
  };
}

export function formatReapValidation(v: ReapValidation): string {
  const f = (x: number, d = 1): string => x.toFixed(d);
  const sign = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(1) + '%';
  const head = ['function', 'warm', 'vanilla paper', 'sim', 'err', 'REAP paper', 'sim', 'err', 'speedup paper', 'sim'];
  const lines = v.rows.map((r) => [
    r.function,
    f(r.warmMs, 0),
    f(r.paperVanillaMs, 0),
    f(r.simVanillaMs),
    sign(r.vanillaErrorPct),
    f(r.paperReapMs, 0),
    f(r.simReapMs),
    sign(r.reapErrorPct),
    f(r.paperSpeedup, 2),
    f(r.simSpeedup, 2),
  ]);
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((l) => l[i]!.length)));
  const fmt = (l: string[]): string => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    "REAP (ASPLOS'21) single cold starts, cold page cache, SATA SSD; latencies in ms",
    fmt(head),
    ...lines.map(fmt),
    `geometric-mean speedup: paper ${f(v.paperGeomeanSpeedup, 2)}x, simulated ${f(v.simGeomeanSpeedup, 2)}x`,
    v.ok ? `all cold starts within ${100 * REAP_TOLERANCE}% of the paper` : `FAIL: some cold start is off by more than ${100 * REAP_TOLERANCE}%`,
  ].join('\n');
}

import { formatConcurrency } from './validate-concurrency.ts';
import { READ_AROUND_MODES, type ReadAround } from '../model/coldstart/read-around.ts';
import { formatTransferValidation, validateTransfers } from './validate-transfers.ts';
import { formatHeldOut, formatStellarValidation, validateStellar } from './stellar.ts';
import { heldOutStellar } from '../experiments/stellar-held-out.ts';

interface ValidateArgs {
  what: string;
  concurrency?: boolean;
  readAround?: ReadAround;
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <what>',
  describe: 'compare the calibrated model with published measurements',
  builder: (y: Argv) =>
    y
      .positional('what', { type: 'string', choices: ['reap', 'transfers', 'stellar'], demandOption: true, describe: 'which validation' })
      .option('concurrency', {
        type: 'boolean',
        default: false,
        describe: 'also print N-simultaneous-start predictions (SSD, NVMe, HDD) and every function on HDD and NVMe',
      })
      .option('read-around', {
        type: 'string',
        choices: READ_AROUND_MODES,
        default: 'none',
        describe:
          "with --concurrency: same-page faults read their run (none) or the kernel's read-around window (kernel; also prints every function on the SSD)",
      }) as Argv<ValidateArgs>,
  handler: (args: ArgumentsCamelCase<ValidateArgs>) => {
    if (args.what === 'stellar') {
      const checks = validateStellar();
      process.stdout.write(formatStellarValidation(checks) + '\n\n' + formatHeldOut(heldOutStellar()) + '\n');
      if (!checks.every((c) => c.ok)) process.exitCode = 1;
      return;
    }
    if (args.what === 'transfers') {
      const t = validateTransfers();
      process.stdout.write(formatTransferValidation(t) + '\n');
      if (!t.ok) process.exitCode = 1;
      return;
    }
    const v = validateReap();
    process.stdout.write(formatReapValidation(v) + '\n');
    if (args.concurrency) process.stdout.write('\n' + formatConcurrency(args.readAround ?? 'none') + '\n');
    if (!v.ok) process.exitCode = 1;
  },
};
