// One entry point for the scheduler: build the start path a scenario asks for.
import type { Distribution } from '../../engine/distributions.ts';
import { BootStartPath } from './boot-path.ts';
import { getMechanism } from './fit.ts';
import { FixedDelayStartPath } from './fixed-delay.ts';
import { SnapshotStartPath, type SnapshotPathOptions } from './snapshot-path.ts';
import type { StartPath, StartPathContext } from './start-path.ts';

export type StartMode = 'fixed' | 'boot' | 'vanilla' | 'reap';

export interface StartPathOptions extends Partial<SnapshotPathOptions> {
  /** `fixed`: the delay, and optional per-function overrides indexed by function index. */
  readonly fixedDelay?: Distribution;
  readonly fixedOverrides?: readonly (Distribution | null)[];
  /** `fixed`: function names by index (their random streams are `coldstart/<name>`). */
  readonly functionNames?: readonly string[];
  /** `boot`: range (us); default the paper's 700-1300 ms. */
  readonly bootMinUs?: number;
  readonly bootMaxUs?: number;
}

/**
 * Defaults for snapshot modes: local snapshots, O_DIRECT WS files, page cache NOT flushed (a
 * datacenter keeps its cache; the validation runs flush it, as the paper did).
 */
export function createStartPath(mode: StartMode, ctx: StartPathContext, opts: StartPathOptions = {}): StartPath {
  switch (mode) {
    case 'fixed': {
      if (!opts.fixedDelay) throw new Error("start mode 'fixed' needs opts.fixedDelay");
      const names = opts.functionNames ?? [];
      return new FixedDelayStartPath(ctx, opts.fixedDelay, opts.fixedOverrides ?? names.map(() => null), names);
    }
    case 'boot': {
      const m = getMechanism();
      return new BootStartPath(ctx, opts.bootMinUs ?? m.bootMinUs, opts.bootMaxUs ?? m.bootMaxUs);
    }
    case 'vanilla':
    case 'reap': {
      if (!opts.nodes || opts.nodes.length === 0) throw new Error(`start mode '${mode}' needs opts.nodes (disk, page cache per node)`);
      return new SnapshotStartPath(ctx, mode, {
        ...opts,
        nodes: opts.nodes,
        flushPageCacheBeforeColdStart: opts.flushPageCacheBeforeColdStart ?? false,
        snapshotLocation: opts.snapshotLocation ?? 'local',
      });
    }
  }
}
