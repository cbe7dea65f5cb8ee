import { describe, expect, it } from 'vitest';
import { parseBandwidth, parseDuration, parseMemoryMiB, parseRate, parseSize } from '../../src/engine/units.ts';

describe('units', () => {
  it('parses unit strings and plain base-unit numbers', () => {
    expect(parseDuration('250ms')).toBe(250_000);
    expect(parseDuration('10m')).toBe(600_000_000);
    expect(parseDuration(1.5)).toBe(1_500_000);
    expect(parseDuration('2h')).toBe(7_200_000_000);
    expect(parseSize('256MiB')).toBe(256 * 2 ** 20);
    expect(parseSize('1KB')).toBe(1000);
    expect(parseMemoryMiB('64GiB')).toBe(65536);
    expect(parseBandwidth('10Gbps')).toBe(1e10);
    expect(parseBandwidth('100MB/s')).toBe(8e8);
    expect(parseRate('5/s')).toBe(5);
    expect(parseRate('30/m')).toBe(0.5);
  });

  it('names the expected units on bad input', () => {
    expect(() => parseDuration('10 parsecs')).toThrow(/unit "parsecs".*ms/);
    expect(() => parseSize('lots')).toThrow(/not a size/);
  });
});
