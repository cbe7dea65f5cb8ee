#!/usr/bin/env bash
# CI: a small sweep run as 2 shards and merged must equal the same sweep run unsharded, byte for
# byte (results.csv, manifest.json and every run folder); merging an incomplete set must fail.
# Usage: .ci/sweep-check.sh [sweep.json]   (default: scenarios/sweeps/keepalive-ttl.json)
# SIM overrides the command line (default: node bin/sim.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
SWEEP=${1:-scenarios/sweeps/keepalive-ttl.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
read -r -a SIM_CMD <<<"${SIM:-node bin/sim.mjs}"
sim() { "${SIM_CMD[@]}" "$@"; }

sim sweep "$SWEEP" --shard 1/2 --jobs 2 --out "$work/shard-1" --quiet
sim sweep "$SWEEP" --shard 2/2 --jobs 1 --out "$work/shard-2" --quiet
sim merge "$work/shard-1" "$work/shard-2" --out "$work/merged" --quiet
sim sweep "$SWEEP" --jobs 2 --out "$work/whole" --quiet

fail() { echo "sweep-check: FAILED: $*" >&2; exit 1; }
cmp "$work/merged/results.csv" "$work/whole/results.csv" || fail "merged results.csv differs from the unsharded one"
cmp "$work/merged/manifest.json" "$work/whole/manifest.json" || fail "merged manifest.json differs from the unsharded one"
diff -r "$work/merged/runs" "$work/whole/runs" >/dev/null || fail "merged run folders differ from the unsharded ones"

set +e
sim merge "$work/shard-1" --out "$work/partial" 2>/dev/null
code=$?
set -e
[ "$code" -eq 2 ] || fail "merging one shard of two exited $code, expected 2"

echo "sweep-check: ok ($(($(wc -l <"$work/whole/results.csv") - 1)) runs, 2 shards merged = unsharded)"
