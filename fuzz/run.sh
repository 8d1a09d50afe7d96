#!/usr/bin/env bash
# Fuzzes one harness with AFL++ for a given time:  fuzz/run.sh loader|expression|csv SECONDS
# Publishes the harness, instruments the engine's assemblies (SharpFuzz), seeds the corpus from pmml-samples/ and, for
# the loader, the conformance corpus in ../shared, then runs afl-fuzz. Findings land in fuzz/out/findings-HARNESS;
# a crash there is a file that reproduces it:  dotnet fuzz/out/bin/PmmlEngine.Fuzz.dll HARNESS < FILE
set -euo pipefail
harness=${1:?usage: fuzz/run.sh loader|expression|csv SECONDS}
seconds=${2:?usage: fuzz/run.sh loader|expression|csv SECONDS}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/fuzz/out
command -v afl-fuzz > /dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }

mkdir -p "$out"
# One instrumented build serves every harness; rebuild when the sources change.
stamp=$(cd "$root" && git ls-files -s src fuzz | sha256sum | cut -c1-16)
if [[ ! -f $out/bin/.instrumented-$stamp ]]; then
  rm -rf "$out/bin"
  dotnet publish "$root/fuzz/PmmlEngine.Fuzz" -c Release -o "$out/bin" > /dev/null
  dotnet "$out/bin/PmmlEngine.Fuzz.dll" instrument "$out/bin"
  touch "$out/bin/.instrumented-$stamp"
fi

seeds=$out/seeds-$harness
rm -rf "$seeds" && mkdir -p "$seeds"
case $harness in
  loader)
    cp "$root"/pmml-samples/*.pmml "$seeds/"
    # The conformance corpus seeds the fuzzer at run time only; it is never copied into the repository.
    find "$root/../shared/conformance" -name '*.pmml' -size -64k -exec cp {} "$seeds/" \; 2>/dev/null || true ;;
  expression)
    printf '%s' '<Apply function="+"><FieldRef field="x"/><Constant>1</Constant></Apply>' > "$seeds/apply"
    printf '%s' '<Apply function="if"><Apply function="isMissing"><FieldRef field="x"/></Apply><Constant>0</Constant><FieldRef field="x"/></Apply>' > "$seeds/if"
    printf '%s' '<Discretize field="x"><DiscretizeBin binValue="1"><Interval closure="openOpen" rightMargin="0"/></DiscretizeBin></Discretize>' > "$seeds/discretize"
    printf '%s' '<MapValues outputColumn="o"><FieldColumnPair field="s" column="i"/><InlineTable><row><i>a</i><o>1</o></row></InlineTable></MapValues>' > "$seeds/map"
    printf '%s' '<Apply function="substring"><FieldRef field="s"/><Constant>1</Constant><Constant>2</Constant></Apply>' > "$seeds/string"
    printf '%s' '<NormContinuous field="x"><LinearNorm orig="0" norm="0"/><LinearNorm orig="10" norm="1"/></NormContinuous>' > "$seeds/norm" ;;
  csv)
    head -20 "$root/pmml-samples/gbdt-ensemble.csv" > "$seeds/rows.csv"
    printf 'age,income,sector\n"1",2,"pri\nvate"\n' > "$seeds/quoted.csv"
    printf '\xef\xbb\xbfage;income\r\n1;2\r\n' > "$seeds/bom.csv" ;;
  *) echo "unknown harness $harness" >&2; exit 2 ;;
esac

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
afl-fuzz -i "$seeds" -o "$out/findings-$harness" -V "$seconds" -t 10000 -m none -- dotnet "$out/bin/PmmlEngine.Fuzz.dll" "$harness"
echo "crashes: $(find "$out/findings-$harness" -path '*crashes/id*' | wc -l), hangs: $(find "$out/findings-$harness" -path '*hangs/id*' | wc -l)"
