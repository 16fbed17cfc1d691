#!/usr/bin/env bash
# Runs the benchmark (bench/README.md): builds the server when needed, then the load generator on
# core 1 drives the packaged server (pinned to core 0) and the floor. Add --quick for a short run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp package -DskipTests
cd bench
[ -d node_modules/ws ] || npm ci --no-audit --no-fund --loglevel=error
# Ten thousand connections on each side.
ulimit -n "$(ulimit -Hn)"
exec taskset -c 1 node run.mjs "$@"
