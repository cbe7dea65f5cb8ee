// Per-host control-path steps of a snapshot restore that are serialised or rate-limited, after
// vHive's source. `none` is the REAP-era vHive v1.0 (nothing serialised per host beyond a
// per-function lock); `vhive-2024` adds current vHive's devmapper snapshot creation under one lock
// per host and network configurations drawn from a pool of 10 refilled in the background.
import { controlPathFigures } from '../../calibration/control-path.ts';

export type ControlPathName = 'none' | 'vhive-2024';

export interface ControlPathSpec {
  readonly name: ControlPathName;
  /** Time each start holds the host's serialised section (us); 0: none. */
  readonly serialUs: number;
  /** Network configurations ready per host (0: not drawn from a pool). */
  readonly poolSize: number;
  /** Time to build one configuration, started when one is taken (us). */
  readonly refillUs: number;
}

export function controlPathSpec(name: ControlPathName): ControlPathSpec {
  if (name === 'none') return { name, serialUs: 0, poolSize: 0, refillUs: 0 };
  const f = controlPathFigures();
  return {
    name,
    serialUs: 1000 * (f.devmapperCreateMs + f.rootfsMountMs),
    poolSize: f.netPoolSize,
    refillUs: 1000 * f.netConfigBuildMs,
  };
}

/**
 * One host's control path. Its holds do not depend on load, so the waits are computed when a start
 * asks (first come, first served): no events, and the same order as the starts' arrival.
 */
export class HostControlPath {
  /** When the serialised section is next free (us). */
  private serialFree = 0;
  /** When each pooled configuration is (or will be) ready (us). */
  private readonly ready: Float64Array;

  constructor(private readonly spec: ControlPathSpec) {
    this.ready = new Float64Array(spec.poolSize);
  }

  /** Time from `now` until a start arriving now has its network config and leaves the lock (us). */
  admit(now: number): number {
    let t = now;
    const r = this.ready;
    if (r.length > 0) {
      let k = 0;
      for (let i = 1; i < r.length; i++) if (r[i]! < r[k]!) k = i;
      t = Math.max(t, r[k]!);
      r[k] = t + this.spec.refillUs; // rebuilt in the background from the moment it is taken
    }
    if (this.spec.serialUs > 0) {
      t = Math.max(t, this.serialFree) + this.spec.serialUs;
      this.serialFree = t;
    }
    return t - now;
  }
}
