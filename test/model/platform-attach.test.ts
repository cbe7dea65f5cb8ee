// The platform's one late attachment (the workflow engine's starts) is explicit and happens once.
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../../src/scenario/build.ts';
import { scenario } from '../helpers.ts';

describe('Platform.attachExternalArrivals', () => {
  it('takes one handler; a second attach is a wiring bug and throws', () => {
    const s = scenario({
      functions: [{ name: 'f', memory: '128MiB', execution: '10ms' }],
      workload: [{ burst: { function: 'f', size: 1, every: '1h' } }],
    });
    const { platform } = buildSimulation(s, { invocationsPath: null });
    platform.attachExternalArrivals(() => {});
    expect(() => platform.attachExternalArrivals(() => {})).toThrow(/already attached/);
  });
});
