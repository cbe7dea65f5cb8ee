// Max-min fair rates for flows over shared links, by progressive filling (Bertsekas & Gallager,
// "Data Networks", §6.5.2): raise every unfrozen flow's rate together; when a link saturates (or a
// flow reaches its own rate cap) freeze the flows it limits; repeat on what capacity is left.

/** One flow as the allocator sees it: the links it crosses and its own cap (bytes/us). */
export interface MaxMinFlow {
  readonly links: readonly number[];
  /** Per-flow ceiling (bytes/us), e.g. a per-connection throughput limit; Infinity if none. */
  readonly cap: number;
  /** Written by `maxMinRates`: the flow's fair rate (bytes/us). */
  rate: number;
}

/** Relative slack when deciding that a link or cap is the current bottleneck. */
const TIE = 1e-12;

/**
 * Sets `rate` on every flow to its max-min fair share of `capacity` (bytes/us per link id).
 * `remaining` and `count` are scratch arrays (length >= capacity.length), reused to avoid
 * allocating per call. Cost O(iterations x (flows x path length + links)); each iteration freezes
 * at least one flow.
 */
export function maxMinRates(flows: readonly MaxMinFlow[], capacity: ArrayLike<number>, remaining: number[], count: number[]): void {
  const nLinks = capacity.length;
  for (let l = 0; l < nLinks; l++) {
    remaining[l] = capacity[l]!;
    count[l] = 0;
  }
  const frozen: boolean[] = new Array<boolean>(flows.length).fill(false);
  let unfrozen = flows.length;
  for (const f of flows) {
    f.rate = 0;
    for (const l of f.links) count[l]!++;
  }
  while (unfrozen > 0) {
    // The smallest equal share any constraint allows: a link's leftover capacity split among the
    // unfrozen flows that cross it, or a flow's own cap.
    let s = Infinity;
    for (let l = 0; l < nLinks; l++) {
      if (count[l]! > 0) s = Math.min(s, Math.max(0, remaining[l]!) / count[l]!);
    }
    for (let i = 0; i < flows.length; i++) if (!frozen[i]) s = Math.min(s, flows[i]!.cap);
    if (s === Infinity) {
      // Unconstrained flows (no finite link, no cap): the caller must not create them.
      throw new RangeError('max-min: a flow crosses no finite link and has no cap');
    }
    const lim = s * (1 + TIE) + 1e-15;
    // Decide the frozen set against the shares before this round's subtraction.
    const freeze: number[] = [];
    for (let i = 0; i < flows.length; i++) {
      if (frozen[i]) continue;
      const f = flows[i]!;
      let bottlenecked = f.cap <= lim;
      if (!bottlenecked) {
        for (const l of f.links) {
          if (Math.max(0, remaining[l]!) / count[l]! <= lim) {
            bottlenecked = true;
            break;
          }
        }
      }
      if (bottlenecked) freeze.push(i);
    }
    for (const i of freeze) {
      const f = flows[i]!;
      frozen[i] = true;
      unfrozen--;
      f.rate = s;
      for (const l of f.links) {
        remaining[l] = remaining[l]! - s;
        count[l]!--;
      }
    }
  }
}
