#!/bin/bash
# One large run split across a Slurm job array, then merged by a job that depends on it.
# The scenario's fleet is divided into CELLS independent cells (fleet.cells); array task i
# (1..SHARDS) simulates the cells c with c % SHARDS == i - 1 (`sim run --cells i/SHARDS`) into a
# partial run folder; the merge job writes the run folder, byte-identical to the whole run on one
# machine. See examples/sharding/README.md and docs/scale.md.
#
# Usage, from the repository root on a login node, with Node >= 20 on the PATH (`module load
# nodejs` or similar) and `npm ci` done once on the shared file system:
#   bash examples/sharding/slurm.sh            # submits the array and the merge job
# The same file is the array's batch script: sbatch runs it with the argument `shard`.
#
# Directives, kept free of trailing comments (sbatch does not document them there): the driver
# passes --array=1-SHARDS on the command line, which overrides the one below; --cpus-per-task is
# each task's worker threads (--threads); the driver creates the log folder (OUT/logs).
#SBATCH --job-name=azure-day-cells
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=runs/azure-day-cells/logs/%x-%A_%a.log
set -euo pipefail

SHARDS=8 # array tasks (the driver submits --array=1-SHARDS); any SHARDS gives the same merged run
CELLS=16 # fleet.cells: part of the model (changes the results); SHARDS and threads do not
SCENARIO=scenarios/azure-day.json
OUT=runs/azure-day-cells # on the shared file system: the parts and the merged run folder

sim() { node bin/sim.mjs "$@"; }

case "${1:-submit}" in
  submit)
    script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
    cd "$(dirname "$script")/../.."
    mkdir -p "$OUT/logs"
    # The scenario reads traces/azure-day-10k (relative to the working directory), generated, not
    # committed: ~2 s, once, here, for every task to read.
    [ -d traces/azure-day-10k ] || sim trace synth --out traces/azure-day-10k --functions 10000 --days 1 --seed 7
    # --parsable prints "jobid" or "jobid;cluster".
    array=$(sbatch --parsable --array="1-$SHARDS" "$script" shard)
    array=${array%%;*}
    parts=()
    for i in $(seq 1 "$SHARDS"); do parts+=("$OUT/part-$i"); done
    # afterok on an array job: runs once every task has finished with exit code 0. The parts are
    # listed one by one, not by a glob, so a part left from another sharding is not picked up.
    merge=$(sbatch --parsable --dependency="afterok:$array" --job-name=azure-day-cells-merge \
      --cpus-per-task=1 --mem=2G --time=00:30:00 --output="$OUT/logs/%x-%j.log" \
      --wrap "node bin/sim.mjs merge ${parts[*]} --out $OUT/run")
    echo "submitted array job ${array} (${SHARDS} tasks) and merge job ${merge%%;*} (after it succeeds)"
    echo "the run folder will be ${OUT}/run; logs in ${OUT}/logs/"
    ;;
  shard)
    # sbatch runs a copy of this file from its spool folder, in the submission folder.
    cd "${SLURM_SUBMIT_DIR:?not under Slurm: run this file with bash, without arguments}"
    i=${SLURM_ARRAY_TASK_ID:?no array task id: submit through bash $0}
    sim run "$SCENARIO" --set fleet.cells="$CELLS" \
      --cells "$i/$SHARDS" --threads "${SLURM_CPUS_PER_TASK:-1}" \
      --out "$OUT/part-$i"
    ;;
  *)
    echo "usage: bash $0   (submits the array job and the merge job)" >&2
    exit 2
    ;;
esac
