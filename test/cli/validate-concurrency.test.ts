import { describe, expect, it } from 'vitest';
import { loadStats } from '../../src/cli/validate-concurrency.ts';
import { runColdStarts } from '../../src/model/coldstart/experiment.ts';

describe('validate reap --concurrency: throughput and the bounding resource', () => {
  it('one vanilla start on the SSD is bound by nothing shared (serial latency); 64 by the SSD', () => {
    const one = loadStats('helloworld', runColdStarts({ fn: 'helloworld', mode: 'vanilla', n: 1 }));
    expect(one.bound).toMatch(/^none/);
    const many = loadStats('helloworld', runColdStarts({ fn: 'helloworld', mode: 'vanilla', n: 64 }));
    expect(many.bound).toBe('device');
    expect(many.aggregateMBps).toBeGreaterThan(one.aggregateMBps);
    expect(many.aggregateMBps).toBeLessThan(850);
  });
  it('on 2 threads, 32 REAP starts from a ramdisk are bound by the host CPU', () => {
    const s = loadStats('helloworld', runColdStarts({ fn: 'helloworld', mode: 'reap', n: 32, disk: 'ramdisk', cores: 2 }));
    expect(s.bound).toBe('host CPU');
  });
});
