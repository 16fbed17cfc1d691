#!/usr/bin/env bash
# Builds the container image localhost/spiegel:latest with podman, from the sources, with no image
# registry: a Debian base from Debian's packages (mmdebstrap, made once and kept as
# localhost/spiegel-base:bookworm), a JRE made by jlink from the JDK in JAVA_HOME, and the server
# packaged by Maven (built first when target/quarkus-app is missing).
# Needs: apt-get install podman runc mmdebstrap uidmap
set -euo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF="$PWD/deploy/podman/containers.conf"
# The same sources make the same image: file times and the image's own date come from the last commit.
SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || echo 0)"
export SOURCE_DATE_EPOCH

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -ntp package -DskipTests
fi

work=target/image
rm -rf "$work"
mkdir -p "$work/context"

if ! podman image exists localhost/spiegel-base:bookworm; then
  mmdebstrap --quiet --variant=minbase --include=ca-certificates,tzdata \
    --aptopt='Acquire::Languages "none"' --dpkgopt='path-exclude=/usr/share/{doc,man,locale}/*' \
    bookworm "$work/base.tar"
  podman import --change 'CMD ["/bin/sh"]' "$work/base.tar" localhost/spiegel-base:bookworm >/dev/null
  rm "$work/base.tar"
fi

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
"$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.naming.dns,jdk.localedata \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive --output "$work/context/jre"
# jlink's class-data archives are for the default object headers; deploy/jvm.options asks for compact ones.
"$work/context/jre/bin/java" -XX:+UseCompactObjectHeaders -Xshare:dump >/dev/null
cp -r target/quarkus-app "$work/context/app"
# An AOT cache belongs to the JDK that made it, not to the image's JRE.
rm -f "$work/context/app/app.aot"
cp deploy/jvm.options deploy/entrypoint.sh "$work/context/"
cp deploy/Containerfile "$work/context/Containerfile"

podman build --quiet --timestamp "$SOURCE_DATE_EPOCH" -t localhost/spiegel:latest "$work/context" >/dev/null
echo "Built localhost/spiegel:latest"
