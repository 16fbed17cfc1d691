#!/usr/bin/env bash
# Runs the benchmark (bench/README.md): builds the server when needed, then the load generator on
# core 1 drives the packaged server (pinned to core 0) and the floor. Add --quick for a short run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp package -DskipTests
# The AOT cache belongs to one build; on a JDK older than 25 the server runs without one.
if [ ! target/quarkus-app/app.aot -nt target/quarkus-app/quarkus-run.jar ]; then
  deploy/aot-cache.sh || true
fi
cd bench
[ -d node_modules/pg ] || npm ci --no-audit --no-fund --loglevel=error
# Ten thousand connections on each side.
ulimit -n "$(ulimit -Hn)"
exec taskset -c 1 node run.mjs "$@"
