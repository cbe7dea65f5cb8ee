// Sharding: `--shard i/n` (1-based, i in 1..n) takes the runs whose 0-based index is i-1 mod n.
// Round-robin rather than blocks, so every shard gets a similar mix of axis values (and cost).
import { InputError } from '../input/errors.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** `option`: the option it came from, for messages. */
export function parseShard(text: string, option = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const problem = (message: string) => new InputError({ where: option, message: `${JSON.stringify(text)}: ${message}` });
  if (!m) throw problem('expected i/n, e.g. 1/4 (shards are numbered from 1)');
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw problem('the number of shards must be at least 1');
  if (index < 1 || index > count) throw problem(`the shard number must be from 1 to ${count} (shards are numbered from 1)`);
  return { index, count };
}

export function formatShard(s: Shard): string {
  return `${s.index}/${s.count}`;
}

export function inShard(runIndex: number, shard: Shard | undefined): boolean {
  return shard === undefined || runIndex % shard.count === shard.index - 1;
}

export function shardRuns<T extends { readonly index: number }>(runs: readonly T[], shard: Shard | undefined): T[] {
  return runs.filter((r) => inShard(r.index, shard));
}
