#!/usr/bin/env bash
# Builds the Java binding and, unless --no-tests, runs its tests:
#   1. the managed side (PmmlEngine.Interop and the engine) with dotnet publish,
#   2. the JNI shim with gcc, linked against the SDK's static nethost,
#   3. the reference results: pmml-score (the C# API) on every conformance case, for the Java tests to equal,
#   4. the jar with Maven, offline, against Debian's repository (mvn -o).
# Everything it makes goes under interop/build/ and interop/java/target/.
set -euo pipefail
cd "$(dirname "$0")"
run_tests=1
[ "${1:-}" = "--no-tests" ] && run_tests=0

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
nethost=$(ls -d "$dotnet_root"/packs/Microsoft.NETCore.App.Host.linux-x64/*/runtimes/linux-x64/native | sort -V | tail -1)
stage=build/native
# The version is set once, in Directory.Build.props; Maven gets it as ${revision}.
version=$(dotnet msbuild ../src/PmmlEngine -getProperty:Version)
rm -rf "$stage" && mkdir -p "$stage/managed" build/obj

dotnet publish dotnet/PmmlEngine.Interop -c Release -o "$stage/managed" --nologo -v quiet
rm -f "$stage"/managed/*.xml

gcc -c -fPIC -O2 -Wall -Wextra -Werror -I"$java_home/include" -I"$java_home/include/linux" -I"$nethost" \
  native/pmmlengine_jni.c -o build/obj/pmmlengine_jni.o
# nethost is C++: its runtime is linked in statically so the shim needs nothing beyond libc; -z defs proves it.
g++ -shared -s -o "$stage/libpmmlengine_jni.so" build/obj/pmmlengine_jni.o "$nethost/libnethost.a" \
  -static-libstdc++ -static-libgcc -Wl,-z,defs -Wl,--gc-sections -ldl -lpthread

# The index NativeLibrary.java extracts from: checksum and path of every file.
(cd "$stage" && find . -type f ! -name files.txt | sort | sed 's#^\./##' | xargs sha256sum > files.txt)

if [ "$run_tests" = 1 ]; then
  conformance=${PMML_CONFORMANCE_DIR:-$(cd .. && pwd)/../shared/conformance}
  dotnet publish ../src/PmmlScore -c Release -o build/pmml-score --nologo -v quiet
  results=build/csharp-results
  rm -rf "$results" && mkdir -p "$results"
  # One reference file per case: the C# results, or the reason the C# API refuses the model.
  tail -n +2 "$conformance/cases.tsv" | while IFS=$'\t' read -r case pmml input _; do
    name=${case//\//__}
    dotnet build/pmml-score/pmml-score.dll "$conformance/$pmml" "$conformance/$input" -o "$results/$name.csv" \
      2> "$results/$name.err" || [ -s "$results/$name.csv" ] || true
  done
  mvn -o -q -B -Dmaven.repo.local=/usr/share/maven-repo -f java/pom.xml -Drevision="$version" \
    -Dconformance.dir="$conformance" -Dcsharp.results="$(pwd)/$results" verify
else
  mvn -o -q -B -Dmaven.repo.local=/usr/share/maven-repo -f java/pom.xml -Drevision="$version" -DskipTests package
fi
