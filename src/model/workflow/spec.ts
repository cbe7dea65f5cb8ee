// A workflow: a DAG of function stages with payloads between them, in the four patterns of the
// XDT paper (Ustiugov et al., arXiv 2309.14821): pipeline (1-1), scatter (1-N, distinct objects),
// broadcast (1-N, one object) and gather (N-1).
import type { Distribution } from '../../engine/distributions.ts';

export type Pattern = 'pipeline' | 'scatter' | 'broadcast' | 'gather';

export interface StageSpec {
  readonly name: string;
  /** Function index in the platform's table. */
  readonly fn: number;
  /** Parallel invocations of this stage in one run. */
  readonly fanout: number;
  /** Stage indices this stage takes its inputs from (all earlier in the list). */
  readonly after: readonly number[];
  /** How each predecessor's outputs map onto this stage's invocations. */
  readonly pattern: Pattern;
  /** Size (bytes) of each object a predecessor invocation sends to this stage. */
  readonly payload: Distribution;
  /** Stage indices that take this stage's outputs (derived from `after`); none for a sink. */
  readonly consumers: readonly number[];
}

export interface WorkflowSpec {
  readonly name: string;
  readonly stages: readonly StageSpec[];
}

/** Invocations of stage `from` whose output invocation `j` of `to` needs. */
export function sourcesOf(from: StageSpec, to: StageSpec, j: number): number[] {
  switch (to.pattern) {
    case 'pipeline':
      return [j];
    case 'scatter':
    case 'broadcast':
      return [0];
    case 'gather':
      return Array.from({ length: from.fanout }, (_, i) => i);
  }
}

/** Invocations of stage `to` that producer invocation `i` of `from` sends to. */
export function targetsOf(to: StageSpec, i: number): number[] {
  switch (to.pattern) {
    case 'pipeline':
      return [i];
    case 'scatter':
    case 'broadcast':
      return Array.from({ length: to.fanout }, (_, j) => j);
    case 'gather':
      return [0];
  }
}

/** Why the fan-outs of `from` and `to` cannot be joined with `to.pattern`, or null if they can. */
export function patternProblem(from: { fanout: number; name: string }, to: { fanout: number; pattern: Pattern }): string | null {
  switch (to.pattern) {
    case 'pipeline':
      return from.fanout === to.fanout ? null : `pipeline needs the same fanout as "${from.name}" (${from.fanout}), got ${to.fanout}`;
    case 'scatter':
    case 'broadcast':
      return from.fanout === 1 ? null : `${to.pattern} needs "${from.name}" to have fanout 1, it has ${from.fanout}`;
    case 'gather':
      return to.fanout === 1 ? null : `gather needs fanout 1, got ${to.fanout}`;
  }
}
