import { describe, expect, it } from 'vitest';
import { ProcessorSharingCpu } from '../../src/model/cpu.ts';

describe('processor sharing', () => {
  it('slows every job by cores/demand while overloaded', () => {
    const cpu = new ProcessorSharingCpu(2, 'processor-sharing');
    // Four 1-vCPU jobs of 100 us on 2 cores: each progresses at rate 1/2.
    for (let i = 0; i < 4; i++) cpu.start(0, i, 100, 1);
    expect(cpu.speed).toBe(0.5);
    expect(cpu.nextCompletion(0)).toBe(200);
    const out = new Int32Array(8);
    expect(cpu.collectFinished(200, out)).toBe(4);
    expect([...out.subarray(0, 4)].sort()).toEqual([0, 1, 2, 3]);
    expect(cpu.running).toBe(0);
  });

  it('re-rates running jobs when load changes', () => {
    const cpu = new ProcessorSharingCpu(1, 'processor-sharing');
    cpu.start(0, 1, 100, 1); // alone: would end at 100
    cpu.start(50, 2, 100, 1); // from 50 both run at 1/2: job 1 has 50 left -> ends at 150
    expect(cpu.nextCompletion(50)).toBe(150);
    const out = new Int32Array(8);
    expect(cpu.collectFinished(150, out)).toBe(1);
    expect(out[0]).toBe(1);
    // job 2 got 50 of work by 150, alone again: ends at 200
    expect(cpu.nextCompletion(150)).toBe(200);
  });

  it('keeps its heap across growth: 100 jobs finish in order of their work', () => {
    const cpu = new ProcessorSharingCpu(1000, 'processor-sharing');
    // Work 1..100 us in a scrambled start order; the heap starts with room for 16.
    for (let i = 0; i < 100; i++) cpu.start(0, i, 1 + ((i * 37) % 100), 1);
    const out = new Int32Array(100);
    const ends: number[] = [];
    for (let t = cpu.nextCompletion(0); t >= 0; t = cpu.nextCompletion(t)) {
      const k = cpu.collectFinished(t, out);
      for (let j = 0; j < k; j++) ends.push(1 + ((out[j]! * 37) % 100));
      cpu.fired();
    }
    expect(ends).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('mode none never slows down', () => {
    const cpu = new ProcessorSharingCpu(1, 'none');
    for (let i = 0; i < 8; i++) cpu.start(0, i, 100, 1);
    expect(cpu.nextCompletion(0)).toBe(100);
  });
});
