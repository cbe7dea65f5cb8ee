// A shard's size estimate: its cells' share of the run's expected arrivals, so that a part of a run
// too large for one machine is judged by what it runs, not by the whole.
import { describe, expect, it } from 'vitest';
import { shardShare } from '../../src/cells/run-cells.ts';
import { estimateRun, scaleEstimate } from '../../src/scenario/estimate.ts';
import { scenario } from '../helpers.ts';

describe('shard share', () => {
  const s = scenario({
    duration: '10m',
    fleet: { nodes: [{ count: 4, cores: 4, memory: '8GiB' }], cells: 2, cellAssignment: 'balanced' },
    functions: [
      { name: 'big', memory: '128MiB', execution: '10ms' },
      { name: 'small', memory: '128MiB', execution: '10ms' },
    ],
    workload: [{ poisson: { function: 'big', rate: '30/s' } }, { poisson: { function: 'small', rate: '10/s' } }],
  });

  it("is the shard's cells' share of expected arrivals", () => {
    // Balanced: the bigger app goes to cell 0, the smaller to cell 1.
    expect(shardShare(s, [], { index: 1, count: 2 })).toBeCloseTo(0.75, 12);
    expect(shardShare(s, [], { index: 2, count: 2 })).toBeCloseTo(0.25, 12);
  });

  it('scales the estimate of arrivals, events and output, and says so', () => {
    const whole = estimateRun(s, []);
    const part = scaleEstimate(whole, 0.25, 'part 2/2');
    expect(part.arrivals).toBe(Math.round(whole.arrivals * 0.25));
    expect(part.events).toBe(Math.round(whole.events * 0.25));
    expect(part.outputBytes).toBe(Math.round(whole.outputBytes * 0.25));
    expect(part.memoryBytes).toBeLessThanOrEqual(whole.memoryBytes);
    expect(part.nodes).toBe(whole.nodes);
    expect(part.notes.at(-1)).toBe("part 2/2: 25.0% of the run's expected arrivals");
  });
});
