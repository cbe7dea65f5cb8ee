// Calibrated function profiles `reap/<name>` for the ten REAP (ASPLOS'21) functions: the measured
// facts plus the two quantities derived per function in fit.ts.
import { reapFunctionFacts } from '../../calibration/reap-functions.ts';
import { calibration, wsRegionPages } from './fit.ts';
import type { SnapshotShape } from './analytic.ts';

export interface FunctionProfile extends SnapshotShape {
  /** Preset name, e.g. `reap/helloworld`. */
  readonly preset: string;
  readonly name: string;
  readonly description: string;
  /** Guest memory (MiB); the snapshot memory file is this large. */
  readonly memoryMiB: number;
  /** Warm execution latency (us), the paper's mean (no variance is published). */
  readonly warmExecutionUs: number;
  /** First invocation's execution on a restored instance, fault stalls excluded (us). */
  readonly coldExecutionUs: number;
  /** coldExecutionUs - warmExecutionUs: what the first invocation adds on top of a warm run (us).
   * Negative for cnn_serving, whose paper REAP latency is below warm + REAP's fixed costs. */
  readonly firstInvocationExtraUs: number;
  readonly inputFromStorage: boolean;
  readonly bootedFootprintMiB: number;
  readonly fit: 'exact' | 'balanced';
  /** The paper's numbers this profile was calibrated against (ms). */
  readonly paper: { readonly warmMs: number; readonly vanillaMs: number; readonly reapMs: number };
}

let profiles: Map<string, FunctionProfile> | null = null;

function build(): Map<string, FunctionProfile> {
  const cal = calibration();
  const m = new Map<string, FunctionProfile>();
  for (const f of reapFunctionFacts()) {
    const d = cal.derived.get(f.name)!;
    const warm = 1000 * f.warmMs;
    m.set(f.name, {
      preset: `reap/${f.name}`,
      name: f.name,
      description: f.description,
      memoryMiB: f.guestMemMB,
      warmExecutionUs: warm,
      coldExecutionUs: d.coldExecutionUs,
      firstInvocationExtraUs: d.coldExecutionUs - warm,
      wsPagesSame: f.wsPagesSame,
      wsPagesUnique: f.wsPagesUnique,
      contiguityPages: f.contiguityPages,
      missExtraUs: d.missExtraUs,
      regionPages: wsRegionPages(f.guestMemMB),
      inputFromStorage: f.inputFromStorage,
      bootedFootprintMiB: f.bootedFootprintMB,
      fit: d.fit,
      paper: { warmMs: f.warmMs, vanillaMs: f.vanillaMs, reapMs: f.reapMs },
    });
  }
  return m;
}

/** `reap/helloworld` or `helloworld`; undefined if unknown. */
export function getFunctionProfile(name: string): FunctionProfile | undefined {
  profiles ??= build();
  return profiles.get(name.startsWith('reap/') ? name.slice(5) : name);
}

/** Preset names, in the paper's order. */
export function listFunctionProfiles(): string[] {
  profiles ??= build();
  return [...profiles.values()].map((p) => p.preset);
}
