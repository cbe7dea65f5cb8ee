// The kernel's read-around on mapped-file faults (coldStart.readAround = 'kernel'): the mmap_miss
// heuristic step by step, and what it does to vanilla starts on the SSD and the HDD.
import { describe, expect, it } from 'vitest';
import { runColdStarts } from '../../../src/model/coldstart/experiment.ts';
import { kernelReadAround } from '../../../src/model/coldstart/read-around.ts';
import { getFunctionProfile } from '../../../src/model/coldstart/profiles.ts';
import { buildSimulation } from '../../../src/scenario/build.ts';
import { scenario } from '../../helpers.ts';

describe('read-around walk (mm/filemap.c do_sync_mmap_readahead)', () => {
  it('one run: one window read, no hits', () => {
    const r = kernelReadAround(1, 1, 65_536, 32, 100);
    expect(r).toEqual({ windowReads: 1, singleReads: 0, runHits: 0, mmapMiss: 1 });
  });

  it('a region of one window: the first miss reads it, every later run is a hit and lowers mmap_miss', () => {
    const r = kernelReadAround(5, 1, 32, 32, 100);
    expect(r.windowReads).toBe(1);
    expect(r.runHits).toBe(4);
    expect(r.mmapMiss).toBe(0);
  });

  it('single-page runs over a huge region: read-around stops once mmap_miss passes 100, then one page per fault', () => {
    // Each step: mmap_miss +1 per miss (hits are ~0 over 2^30 pages).
    const at = (runs: number) => kernelReadAround(runs, 1, 2 ** 30, 32, 100);
    expect(at(100).singleReads).toBe(0);
    expect(at(100).windowReads).toBeCloseTo(100, 3);
    const r = at(300);
    // Runs 101 and 102 still read a window (the counter passes 100 on the 101st miss, checked
    // after the increment); from then on every fault reads its page alone.
    expect(r.windowReads).toBeGreaterThan(99.9);
    expect(r.windowReads).toBeLessThanOrEqual(102);
    expect(r.windowReads + r.singleReads).toBeCloseTo(300, 2);
    expect(r.mmapMiss).toBeGreaterThan(100);
    // Runs of several pages: the window serves the run's other pages, each a cached-page fault that
    // lowers mmap_miss, so read-around stays on (the REAP functions' c = 1.6-4.9).
    const long = kernelReadAround(3000, 2, 2 ** 30, 32, 100);
    expect(long.singleReads).toBe(0);
    expect(long.windowReads).toBeCloseTo(3000, 0);
  });

  it('helloworld: 1034 runs over 256 MiB -> ~812 windows (the rest lie in earlier windows)', () => {
    const p = getFunctionProfile('helloworld')!;
    const runs = p.wsPagesSame / p.contiguityPages;
    const r = kernelReadAround(runs, p.contiguityPages, p.regionPages, 32, 100);
    const windows = 65_536 / 32;
    // Uniform placement: distinct windows touched ~ W (1 - exp(-runs / W)).
    expect(r.windowReads).toBeCloseTo(windows * (1 - Math.exp(-runs / windows)), -1);
    expect(r.singleReads).toBe(0);
  });
});

describe('readAround on and off', () => {
  it('off (none) is the default: the single-start calibration; on (kernel) helloworld leaves it on the SSD', () => {
    const none = runColdStarts({ fn: 'helloworld', mode: 'vanilla' }).meanUs / 1000;
    expect(runColdStarts({ fn: 'helloworld', mode: 'vanilla', readAround: 'none' }).meanUs / 1000).toBe(none);
    expect(none).toBeCloseTo(232, 0);
    const kernel = runColdStarts({ fn: 'helloworld', mode: 'vanilla', readAround: 'kernel' }).meanUs / 1000;
    // 812 reads of 128 KiB (277 us each + host work) instead of 1034 of 1.9 pages.
    expect(kernel).toBeGreaterThan(232 * 1.25);
    // REAP's faults (input-dependent pages only) are unchanged.
    expect(runColdStarts({ fn: 'helloworld', mode: 'reap', readAround: 'kernel' }).meanUs).toBe(runColdStarts({ fn: 'helloworld', mode: 'reap' }).meanUs);
  });

  it('on the HDD read-around saves positionings: vanilla is faster with it', () => {
    const none = runColdStarts({ fn: 'helloworld', mode: 'vanilla', disk: 'hdd-7200' });
    const kernel = runColdStarts({ fn: 'helloworld', mode: 'vanilla', disk: 'hdd-7200', readAround: 'kernel' });
    expect(kernel.meanUs).toBeLessThan(none.meanUs);
    expect(kernel.device.bytesRead).toBeGreaterThan(5 * none.device.bytesRead);
  });

  it('deterministic: the same run twice gives the same latencies, with and without the drive cache in play', () => {
    for (const disk of ['hdd-7200', 'ssd-sata-2020']) {
      const a = runColdStarts({ fn: 'chameleon', mode: 'vanilla', n: 8, disk, readAround: 'kernel' });
      const b = runColdStarts({ fn: 'chameleon', mode: 'vanilla', n: 8, disk, readAround: 'kernel' });
      expect(a.latenciesUs).toEqual(b.latenciesUs);
    }
  });

  it('a scenario switches it with coldStart.readAround; the start path says so in its name', () => {
    const s = scenario({ coldStart: { mode: 'vanilla', readAround: 'kernel' } });
    expect(buildSimulation(s, { invocationsPath: null }).startPath.name).toContain('read-around=kernel');
    const plain = scenario({ coldStart: { mode: 'vanilla' } });
    expect(buildSimulation(plain, { invocationsPath: null }).startPath.name).not.toContain('read-around');
  });
});
