#!/bin/sh
# Makes target/quarkus-app/app.aot, the JDK's ahead-of-time cache of the packaged server's classes
# (JDK 25 or newer): a training run starts the server with its built-in database on a scratch data
# directory, creates a meeting and joins it, and stops. With the cache the server starts in about a
# third of the time (docs/performance.md). Run it again after each build; a stale cache is refused
# by the JVM with a warning and the server starts without it.
#
#   deploy/aot-cache.sh            # uses java from JAVA_HOME or PATH
#
# Start the server with the very jar path the cache was made with (printed at the end): JDK 25
# refuses to start when the same jar is named another way (a sealed package seems defined twice).
set -eu
cd "$(dirname "$0")/.."
app="$PWD/target/quarkus-app"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f "$app/quarkus-run.jar" ] || { echo "Build first: ./mvnw -DskipTests package" >&2; exit 1; }
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${version%%.*}" -lt 25 ]; then
  echo "The AOT cache needs JDK 25 or newer (this is $version); Spiegel runs without it." >&2
  exit 1
fi
work=$(mktemp -d)
server=
# A failed training leaves no server (and no database) running behind, and no cache.
trap 'if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null; wait "$server" || true; rm -f "$app/app.aot"; fi; rm -rf "$work"' EXIT
rm -f "$app/app.aot"
# Profiles of a few requests would make the JIT compile the wrong methods early: classes only.
QUARKUS_HTTP_PORT=0 QUARKUS_MANAGEMENT_PORT=0 SPIEGEL_DATA_DIR="$work/data" "$java" @deploy/jvm.options -XX:AOTCacheOutput="$app/app.aot" \
  -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -jar "$app/quarkus-run.jar" >"$work/server.log" 2>&1 &
server=$!
ready=
for _ in $(seq 1 600); do
  port=$(sed -n 's#.*Listening on: http://[^:]*:\([0-9]*\).*#\1#p' "$work/server.log")
  management=$(sed -n 's#.*Management interface listening on http://[^:]*:\([0-9]*\).*#\1#p' "$work/server.log")
  if [ -n "$port" ] && [ -n "$management" ] && curl -sf "http://127.0.0.1:$management/q/health/ready" >/dev/null; then ready=yes; break; fi
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$ready" ] || { echo "The training server did not get ready in 60 s; see its log:" >&2; cat "$work/server.log" >&2; exit 1; }
base="http://127.0.0.1:$port"
created=$(curl -sSf -H 'Content-Type: application/json' -d '{"title":"Training"}' "$base/api/meetings")
code=$(printf '%s' "$created" | sed -n 's/.*"joinCode":"\([^"]*\)".*/\1/p')
curl -sSf -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "$base/api/join" >/dev/null
curl -sSf "$base/" >/dev/null
# The JVM writes the cache as it exits.
kill -TERM "$server"
wait "$server" || true
server=
[ -f "$app/app.aot" ] || { cat "$work/server.log" >&2; exit 1; }
echo "Made $app/app.aot ($(du -m "$app/app.aot" | cut -f1) MB). Start the server with:"
echo "  java @$PWD/deploy/jvm.options -XX:AOTCache=$app/app.aot -jar $app/quarkus-run.jar"
