#!/usr/bin/env bash
# The three ways users install the engine, each taken as a user would on this machine, each scoring
# pmml-samples/gbdt-ensemble and checking every result against its expected CSV:
#   1. package: dotnet pack, then a throwaway console app references PmmlEngine from the local feed;
#   2. tool:    dotnet tool install --global pmml-score from the local feed, then run it;
#   3. maven:   interop/install.sh into a local Maven repository (offline), then a throwaway Maven project
#               that depends on org.pmmlengine:pmmlengine by coordinates.
# Prints "PASS name" or "FAIL name" (with the log's tail) per path, then "N passed, M failed". Exit 0 when all pass.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A fresh package cache: a stale package of the same version must not stand in for the one just packed.
export NUGET_PACKAGES=$work/nuget-packages
version=$(dotnet msbuild src/PmmlEngine -getProperty:Version)
feed=$work/feed
sample=$root/pmml-samples/gbdt-ensemble
passed=0; failed=0

check() {
  local name=$1; shift
  local log
  # Maven's console library writes colour resets even in batch mode.
  if log=$("$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'; exit "${PIPESTATUS[0]}"); then
    echo "PASS $name: $(echo "$log" | tail -1)"; passed=$((passed + 1))
  else
    echo "FAIL $name"; echo "$log" | tail -25 | sed 's/^/    /'; failed=$((failed + 1))
  fi
}

pack() {
  dotnet pack src/PmmlEngine -c Release -o "$feed" --nologo -v quiet &&
  dotnet pack src/PmmlScore -c Release -o "$feed" --nologo -v quiet
}

package() {
  local app=$work/app
  dotnet new console -o "$app" --framework net10.0 >/dev/null &&
  dotnet new nugetconfig -o "$app" >/dev/null &&
  dotnet nuget add source "$feed" --name local --configfile "$app/nuget.config" >/dev/null &&
  dotnet add "$app" package PmmlEngine --version "$version" >/dev/null &&
  cp tests/install/csharp/Program.cs "$app/Program.cs" &&
  dotnet run --project "$app" -c Release -- "$sample.pmml" "$sample.csv" "$sample.expected.csv"
}

tool() {
  # DOTNET_CLI_HOME keeps the global install inside the work folder.
  export DOTNET_CLI_HOME=$work/home
  dotnet tool install --global --add-source "$feed" pmml-score --version "$version" &&
  "$DOTNET_CLI_HOME/.dotnet/tools/pmml-score" "$sample.pmml" "$sample.csv" -o "$work/tool.csv" &&
  diff "$work/tool.csv" "$sample.expected.csv" &&
  echo "$(($(wc -l < "$work/tool.csv") - 1)) rows scored, output equals $(basename "$sample").expected.csv"
}

maven() {
  local repo=$work/m2 project=$work/java
  # A local repository seeded with Debian's Maven plugins and libraries (no Maven Central here).
  mkdir -p "$repo" && cp -rs /usr/share/maven-repo/. "$repo/" &&
  interop/install.sh "$repo" &&
  cp -r tests/install/java "$project" &&
  mvn -o -q -B -Dmaven.repo.local="$repo" -f "$project/pom.xml" -Dpmmlengine.version="$version" compile &&
  java -cp "$project/target/classes:$repo/org/pmmlengine/pmmlengine/$version/pmmlengine-$version.jar" \
    Main "$sample.pmml" "$sample.csv" "$sample.expected.csv"
}

if ! log=$(pack 2>&1); then
  echo "$log" | tail -25
  echo "0 passed, 3 failed"
  exit 1
fi
check package package
check tool tool
check maven maven
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
