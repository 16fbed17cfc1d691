#!/bin/sh
# The image's start. Where /data can be written (a volume), the JVM keeps the classes it loaded in a
# shared archive there when it stops, and the next start reads them from it: ready in about half the
# time (docs/performance.md). A new image's JVM sees the archive is not its own and makes it again.
# On a read-only file system (Kubernetes here) it starts without: writing the archive would fail.
set -e
archive=
if [ -w /data ]; then
  archive="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/data/spiegel.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
# shellcheck disable=SC2086
exec /opt/java/bin/java -XX:MaxRAMPercentage=70 @/app/jvm.options $archive -jar /app/quarkus-run.jar "$@"
