// Canonical policy names: `name` or `name(key=value,key=value)`, as DSLab FaaS names its policies.
// Parsing is strict so that a typo in a scenario is an error, not a silently different policy.

export interface PolicySpec {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
}

const SPEC_RE = /^\s*([a-z][a-z0-9-]*)\s*(?:\((.*)\))?\s*$/i;

export function parsePolicySpec(text: string): PolicySpec {
  const m = SPEC_RE.exec(text);
  if (!m) throw new Error(`"${text}" is not a policy name like "fixed(ttl=10m)"`);
  const params: Record<string, string> = {};
  const body = m[2]?.trim();
  if (body) {
    for (const part of body.split(',')) {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new Error(`"${text}": parameter "${part.trim()}" is not key=value`);
      const key = part.slice(0, eq).trim();
      if (key in params) throw new Error(`"${text}": parameter "${key}" given twice`);
      params[key] = part.slice(eq + 1).trim();
    }
  }
  return { name: m[1]!.toLowerCase(), params };
}

/** Throws if `spec` has parameters outside `allowed`. */
export function checkParams(spec: PolicySpec, allowed: readonly string[]): void {
  for (const k of Object.keys(spec.params)) {
    if (!allowed.includes(k)) {
      const list = allowed.length ? allowed.join(', ') : 'none';
      throw new Error(`policy "${spec.name}" has no parameter "${k}" (parameters: ${list})`);
    }
  }
}
