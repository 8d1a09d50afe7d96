#!/usr/bin/env bash
# Runs every test: the .NET suite (dotnet test PmmlEngine.sln), the Java binding's suite (interop/build.sh, which
# installs its Debian prerequisites first when they are missing) and the three install paths (tests/install-paths.sh:
# NuGet package, .NET tool, Maven artifact), then prints "N passed, M failed" over all of them.
# Exit status: 0 when every test ran (failed tests are counted, not fatal), 2 when a build or a runner broke.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results=$(mktemp -d)
dotnet test PmmlEngine.sln -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results"
trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "the .NET test run produced no results" >&2
  exit 2
fi
count() { grep -o "$1=\"[0-9]*\"" "$trx" | head -1 | grep -o '[0-9]*'; }
dotnet_total=$(count total); dotnet_passed=$(count passed); dotnet_failed=$(count failed)
if [ "${dotnet_total:-0}" -eq 0 ]; then
  echo "no .NET test was run" >&2
  exit 2
fi

interop/install-prerequisites.sh || exit 2
rm -rf interop/java/target/surefire-reports
interop/build.sh
reports=(interop/java/target/surefire-reports/TEST-*.xml)
if [ ! -f "${reports[0]}" ]; then
  echo "the Java build broke before its tests ran" >&2
  exit 2
fi
java_total=0; java_failed=0
for report in "${reports[@]}"; do
  suite=$(grep -o '<testsuite [^>]*>' "$report" | head -1)
  attribute() { echo "$suite" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  java_total=$((java_total + $(attribute tests) - $(attribute skipped)))
  java_failed=$((java_failed + $(attribute failures) + $(attribute errors)))
done

# Through a file, not tee /dev/stderr: reopening stderr truncates it when it is a log file.
install_log=$(mktemp)
tests/install-paths.sh > "$install_log"
cat "$install_log"
install_summary=$(tail -1 "$install_log")
install_passed=$(echo "$install_summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
install_failed=$(echo "$install_summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
if [ -z "$install_passed" ]; then
  echo "the install-path checks broke before reporting" >&2
  exit 2
fi

echo ".NET: ${dotnet_passed:-0} passed, ${dotnet_failed:-0} failed; Java: $((java_total - java_failed)) passed, $java_failed failed;" \
  "install paths: $install_passed passed, $install_failed failed"
echo "$((${dotnet_passed:-0} + java_total - java_failed + install_passed)) passed, $((${dotnet_failed:-0} + java_failed + install_failed)) failed"
