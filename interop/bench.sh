#!/usr/bin/env bash
# The binding's overhead: `pmml-score bench --json` (the C# API) and BindingBenchmark (the same work through Java)
# on the same model and CSV, alternated three times; prints each run and the median differences per row.
# Usage: interop/bench.sh MODEL.pmml INPUT.csv    (after interop/build.sh)
set -euo pipefail
model=$(readlink -f "$1"); csv=$(readlink -f "$2")
cd "$(dirname "$0")"
[ -f build/pmml-score/pmml-score.dll ] || dotnet publish ../src/PmmlScore -c Release -o build/pmml-score --nologo -v quiet
classpath=java/target/classes:java/target/test-classes
csharp=(); java=()
for run in 1 2 3; do
  csharp+=("$(dotnet build/pmml-score/pmml-score.dll bench "$model" "$csv" --json)")
  # A pre-touched fixed heap: without it, first-touch page faults of a growing young generation cost the JVM more
  # per record than the binding does (measured: 1.0 µs vs 1.7 µs per record in alternating phases).
  java+=("$(java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "$classpath" org.pmmlengine.BindingBenchmark "$model" "$csv" 2>/dev/null | tail -1)")
  echo "run $run  C#   ${csharp[-1]}"
  echo "run $run  Java ${java[-1]}"
done
python3 - "${csharp[@]}" "${java[@]}" <<'PY'
import json, statistics, sys
runs = [json.loads(a) for a in sys.argv[1:]]
c, j = runs[:3], runs[3:]
med = lambda rs, k: statistics.median(r[k] for r in rs)
row_c, row_j = med(c, "warm_us_per_row"), med(j, "warm_us_per_row")
print(f"single record: C# RowScorer {row_c:.3f} us, Java evaluate(Map) {row_j:.3f} us, overhead {(row_j - row_c) * 1000:.0f} ns/row")
if any(r["batch_rows_per_s"] is None for r in runs):
    print("batch: none (no row's cells fit the numeric batch layout)")
else:
    batch_c, batch_j = med(c, "batch_rows_per_s"), med(j, "batch_rows_per_s")
    print(f"batch, all cores: C# {batch_c:,.0f} rows/s, Java {batch_j:,.0f} rows/s, overhead {(1e9 / batch_j - 1e9 / batch_c):.1f} ns/row")
PY
