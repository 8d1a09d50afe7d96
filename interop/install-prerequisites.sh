#!/usr/bin/env bash
# Installs what interop/build.sh needs beyond the JDK, gcc and Maven: JUnit 5 and the Maven plugins, from Debian's
# packages into Debian's Maven repository (/usr/share/maven-repo), since Maven Central is not reachable.
set -euo pipefail
packages="junit5 libsurefire-java libmaven-compiler-plugin-java libmaven-resources-plugin-java libmaven-jar-plugin-java libmaven-install-plugin-java"
missing=0
for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || missing=1; done
[ "$missing" = 0 ] && exit 0
as_root=""
[ "$(id -u)" != 0 ] && as_root=sudo
# The package mirror sometimes needs a second try.
for attempt in 1 2; do
  if $as_root apt-get update -q && $as_root apt-get install -y -q --no-install-recommends $packages; then
    exit 0
  fi
  sleep 5
done
echo "could not install: $packages" >&2
exit 1
