// Policy parameters outside their domain (docs/limits.md; KPA's as Knative's config validation)
// are errors naming the parameter and the domain, every bad parameter of a policy at once.
import { describe, expect, it } from 'vitest';
import { buildAutoscaler, buildKeepAlive } from '../../src/policy/registry.ts';

const ctx = { random: () => ({ next: () => 0 }) };
const kpa = (params: string) => () => buildAutoscaler(`kpa(${params})`, ctx);
const keep = (text: string) => () => buildKeepAlive(text, ctx);

describe('kpa parameters', () => {
  it.each([
    ['target=0%', /target: expected in \(0%, 100%\], got 0%/],
    ['target=150%', /target: expected in \(0%, 100%\]/],
    ['threshold=100%', /threshold: expected from 110% to 1000%, got 100%/],
    ['threshold=2000%', /threshold: expected from 110% to 1000%/],
    ['stable=1s,panic=1s,tick=1s', /stable: expected a duration >= 6s/],
    ['stable=2h', /stable: expected a duration <= 1h/],
    ['panic=2m', /panic \(2m\) must not exceed stable \(60s\)/],
    ['panic=100ms,tick=100ms', /panic \(100ms\) must be at least 1% of stable/],
    ['tick=0s', /tick: expected a duration > 0/],
    ['tick=10s', /tick \(10s\) must not exceed panic \(6s\)/],
    ['grace=0s', /grace: expected a duration >= 6s/],
    ['maxScaleUp=1', /maxScaleUp: expected > 1, got 1/],
    ['tick=1e999s', /tick: "1e999s" is not a finite duration/],
    ['tick=', /tick: expected a duration such as 10m, got an empty value/],
  ])('kpa(%s) is rejected', (params, message) => {
    expect(kpa(params)).toThrow(message);
  });

  it('lists every bad parameter at once', () => {
    expect(kpa('target=0%,threshold=50%,grace=-1s')).toThrow(/^kpa: threshold: .*; target: .*; grace: .*/);
  });

  it('the defaults and Knative-valid values are accepted', () => {
    expect(kpa('')).not.toThrow();
    expect(kpa('stable=6s,panic=6s,tick=1s,threshold=110%,target=100%,grace=6s')).not.toThrow();
  });
});

describe('keep-alive parameters', () => {
  it.each([
    ['fixed(ttl=)', /fixed: ttl: expected a duration such as 10m, got an empty value/],
    ['fixed(ttl=-1s)', /ttl: expected a duration > 0 and <= 365d, got -1s/],
    ['fixed(ttl=1e999s)', /ttl: "1e999s" is not a finite duration/],
    ['fixed(ttl=400d)', /ttl: expected a duration > 0 and <= 365d/],
    ['hybrid(head=)', /hybrid: head: expected a number a percentile from 0 to 100, got an empty value/],
    ['hybrid(range=0s)', /range: expected a duration > 0/],
    ['hybrid(bin=1us)', /range \/ bin \(4h \/ 1us\) gives 14400000000 bins per application; expected at most 10000/],
    ['hybrid(range=1e999s)', /range: "1e999s" is not a finite duration/],
    ['hybrid(head=99,tail=5)', /head \(99\) must be below tail \(5\)/],
    ['hybrid(tail=101)', /tail: expected a percentile from 0 to 100, got 101/],
    ['hybrid(margin=200%)', /margin: expected from 0% to 100%, got 200%/],
    ['hybrid(cv=0)', /cv: expected > 0/],
    ['hybrid(oob=150%)', /oob: expected from 0% to 100%/],
    ['hybrid(head=0x10)', /head: "0x10" is not a number/],
  ])('%s is rejected', (text, message) => {
    expect(keep(text)).toThrow(message);
  });

  it('the defaults are accepted', () => {
    expect(keep('hybrid')).not.toThrow();
    expect(keep('fixed(ttl=1us)')).not.toThrow();
  });
});
