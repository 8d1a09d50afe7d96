#!/usr/bin/env bash
# Installs the Java binding into a local Maven repository, so a Java project can depend on it by coordinates:
#   <dependency><groupId>org.pmmlengine</groupId><artifactId>pmmlengine</artifactId><version>VERSION</version></dependency>
# Usage: interop/install.sh [LOCAL_REPOSITORY]   (default ~/.m2/repository; builds the jar first if needed)
# Offline (-o) when the repository already holds maven-install-plugin, as a copy of Debian's /usr/share/maven-repo does.
set -euo pipefail
cd "$(dirname "$0")"
repo=$(mkdir -p "${1:-$HOME/.m2/repository}" && cd "${1:-$HOME/.m2/repository}" && pwd)
version=$(dotnet msbuild ../src/PmmlEngine -getProperty:Version)
jar=java/target/pmmlengine-$version.jar
[ -f "$jar" ] || ./build.sh --no-tests
# The installed pom carries the version itself: consumers do not know this build's ${revision}.
sed "s/\${revision}/$version/" java/pom.xml > build/pom.xml
plugin=org.apache.maven.plugins:maven-install-plugin:3.1.0
offline=()
[ -d "$repo/org/apache/maven/plugins/maven-install-plugin/3.1.0" ] && offline=(-o)
mvn "${offline[@]}" -q -B -Dmaven.repo.local="$repo" "$plugin:install-file" -Dfile="$jar" -DpomFile=build/pom.xml
echo "installed org.pmmlengine:pmmlengine:$version into $repo"
