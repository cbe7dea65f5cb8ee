# The `sim` command line in a container, for running one shard of a large run on a cluster
# (examples/sharding/k8s-indexed-job.yaml) or anywhere Docker runs. Build from the repository root:
#   docker build -t serverless-dc-sim .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" serverless-dc-sim \
#     run /app/scenarios/quickstart.json --out runs/quickstart
# The entry point is `sim`: arguments go straight to it. Scenarios and traces are read, and run
# folders written, relative to /work (mount a folder there, and run as its owner with --user, as
# above; any user id works, see below); the image's own scenarios are in /app/scenarios.
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, in their own layer, so editing the sources does not reinstall them. Runtime
# dependencies only (the linters, type checker and test runner are not needed to run `sim`), and
# no install scripts: the project needs none (esbuild takes its binary from the platform package
# in the lock file), and npm 11 refuses them anyway.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

COPY . .

# bin/bundled.mjs keeps its esbuild bundles in node_modules/.cache/sim-bundle and rebuilds one
# whenever an input's size or mtime changed. The bundle of the CLI is built below, as the user the
# container runs as, so a container starts from it at once; the folder stays writable by that user
# so a bundle not built here (a sweep's worker thread) is built once on first use instead of
# falling back to the slower tsx loader. The rest of /app stays root's and read-only to it.
# `sim` on the PATH for shells in the container (`sh -c 'sim trace synth ... && sim run ...'`).
RUN mkdir -p node_modules/.cache/sim-bundle /work \
 && chown 1000:1000 node_modules/.cache/sim-bundle /work \
 && ln -s /app/bin/sim.mjs /usr/local/bin/sim

# The image's `node` user, by number: Kubernetes can only check `runAsNonRoot` against a numeric user.
USER 1000:1000

# Prebuild the CLI's bundle (`sim --help` in a container: ~0.4 s from it, ~1.0 s through tsx,
# measured on a 2-core machine; the command itself only prints the help), then the worker threads'
# bundles with a one-second run of two cells on two threads and the invocations.csv writer thread
# forced on, which also checks that the image runs what the sharding examples run. With these
# built here, `sim run` needs no write access to /app (a read-only root file system, or another
# user id, works too); a sweep's worker bundle is built on its first use, or, where /app is
# read-only, its workers load the sources through tsx (same results, slower).
RUN node bin/sim.mjs --help >/dev/null \
 && SIM_INVOCATIONS_WRITER=worker node bin/sim.mjs run scenarios/quickstart.json \
      --set fleet.cells=2 --threads 2 --out /tmp/smoke --quiet \
 && rm -rf /tmp/smoke

WORKDIR /work
ENTRYPOINT ["node", "/app/bin/sim.mjs"]
CMD ["--help"]
