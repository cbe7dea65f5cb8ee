// The workflow engine is attached to the platform explicitly, once; a workflow arriving at a
// platform without one is a wiring bug and stops the run instead of being dropped.
import { describe, expect, it } from 'vitest';
import { buildSimulation } from '../../src/scenario/build.ts';
import { PRIORITY } from '../../src/model/event-priority.ts';
import { scenario } from '../helpers.ts';

const fn = { name: 'f', memory: '128MiB', execution: '10ms' };

describe('Platform.attachWorkflows', () => {
  it('takes one engine; a second attach throws', () => {
    const s = scenario({
      functions: [fn],
      workflows: [{ name: 'wf', stages: [{ name: 'a', function: 'f' }] }],
      workload: [{ fixed: { workflow: 'wf', interval: '1h' } }],
    });
    const { platform, workflows } = buildSimulation(s, { invocationsPath: null });
    expect(workflows).not.toBeNull();
    expect(() => platform.attachWorkflows(workflows!.engine)).toThrow(/already attached/);
  });

  it('a workflow arrival without an attached engine throws', () => {
    const s = scenario({ functions: [fn], workload: [{ burst: { function: 'f', size: 1, every: '1h' } }] });
    const { sim, platform, workflows } = buildSimulation(s, { invocationsPath: null });
    expect(workflows).toBeNull();
    // Lane payloads past the function indices are workflow starts.
    sim.schedule(0, platform.kArrival, platform.functions.length, 0, PRIORITY.arrival);
    expect(() => sim.run()).toThrow(/no workflow engine is attached/);
  });
});
