// Domains of policy parameters. Each reader returns the value or records a problem, so a policy
// with several bad parameters reports them all in one message.
import { parseDuration } from '../engine/units.ts';
import { MAX_DURATION_TEXT, MAX_DURATION_US } from '../input/limits.ts';

export class ParamReader {
  readonly problems: string[] = [];

  constructor(
    private readonly policy: string,
    private readonly params: Readonly<Record<string, string>>,
  ) {}

  private raw(key: string, expected: string): string | null {
    const v = this.params[key]!;
    if (v.trim() === '') {
      this.problems.push(`${key}: expected ${expected}, got an empty value`);
      return null;
    }
    return v;
  }

  /** A duration in us, > 0 (or >= 0 with `zero`) and at most the scenario duration bound. */
  duration(key: string, opts: { zero?: boolean; min?: number; minText?: string } = {}): number {
    const v = this.raw(key, 'a duration such as 10m');
    if (v === null) return NaN;
    let us: number;
    try {
      us = parseDuration(v);
    } catch (e) {
      this.problems.push(`${key}: ${(e as Error).message}`);
      return NaN;
    }
    const min = opts.min ?? 0;
    const lowOk = opts.zero ? us >= min : us > min;
    if (!lowOk || us > MAX_DURATION_US) {
      const low = opts.minText ?? (opts.zero ? '>= 0' : '> 0');
      this.problems.push(`${key}: expected a duration ${low} and <= ${MAX_DURATION_TEXT}, got ${v}`);
      return NaN;
    }
    return us;
  }

  /**
   * A number ("2") or a percentage ("10%" = 0.1) inside [lo, hi] (or (lo, hi] with `loOpen`);
   * `text` states the domain in the units the user writes.
   */
  fraction(key: string, lo: number, hi: number, text: string, loOpen = false): number {
    const v = this.raw(key, `a number or percentage ${text}`);
    if (v === null) return NaN;
    const m = /^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(%?)\s*$/.exec(v);
    const x = m ? (m[2] ? Number(m[1]) / 100 : Number(m[1])) : NaN;
    if (!Number.isFinite(x)) {
      this.problems.push(`${key}: "${v}" is not a number or percentage`);
      return NaN;
    }
    if (!((loOpen ? x > lo : x >= lo) && x <= hi)) {
      this.problems.push(`${key}: expected ${text}, got ${v}`);
      return NaN;
    }
    return x;
  }

  /** A plain finite number inside [lo, hi] (or (lo, hi] with `loOpen`). */
  number(key: string, lo: number, hi: number, text: string, loOpen = false): number {
    const v = this.raw(key, `a number ${text}`);
    if (v === null) return NaN;
    const x = /^\s*[+-]?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(x)) {
      this.problems.push(`${key}: "${v}" is not a number`);
      return NaN;
    }
    if (!((loOpen ? x > lo : x >= lo) && x <= hi)) {
      this.problems.push(`${key}: expected ${text}, got ${v}`);
      return NaN;
    }
    return x;
  }

  /** Adds a problem about a combination of parameters. */
  problem(text: string): void {
    this.problems.push(text);
  }

  /** Throws one error listing every problem, if there are any. */
  done(): void {
    if (this.problems.length) throw new Error(`${this.policy}: ${this.problems.join('; ')}`);
  }
}
