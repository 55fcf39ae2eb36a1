#!/usr/bin/env bash
# Galvani's trace and OpenFastTrace's, side by side, on the same generated corpus (benchmarks/README.md):
#   benchmarks/trace-vs-oft.sh [RUNS] [WORKDIR]
# builds the benchmarks module with the "oft" profile (OFT is GPL-3.0 and only there), writes the corpus in both
# formats (CorpusShape.benchmark(): 10,000 requirements, 2,000 hazards, 50,000 tests) into WORKDIR (a new
# temporary directory by default), then runs each tool RUNS times (default 5), each run in a fresh JVM with the
# same java options and the same class path, alternating which tool goes first in a round. Each run is timed from
# the outside (/usr/bin/time: wall, user and system CPU seconds of the whole JVM) and logs its own summary. At the
# end it prints every run and the medians. Extra JVM options for both tools: JAVA_OPTS.
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${2:-$(mktemp -d -t galvani-vs-oft.XXXXXX)}"
java_opts=(${JAVA_OPTS:-})

command -v /usr/bin/time >/dev/null || { echo "trace-vs-oft: /usr/bin/time is needed (Debian package 'time')" >&2; exit 2; }
(cd "$root" && mvn -B -q -Poft -DskipTests package -pl benchmarks -am)
classpath="$root/benchmarks/target/classes:$root/benchmarks/target/oft-classes:$(cat "$root/benchmarks/target/oft-classpath.txt")"

mkdir -p "$work"
if [ ! -d "$work/galvani" ]; then
  java -cp "$classpath" org.galvani.benchmarks.TraceCorpusMain --galvani "$work/galvani" --oft "$work/oft"
fi

declare -A main=([galvani]=org.galvani.benchmarks.GalvaniTraceRun [oft]=org.galvani.benchmarks.oft.OftTraceRun)
results="$work/results.txt"
: >"$results"
echo "trace-vs-oft: $runs runs each in $work; $(nproc) CPUs; load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((i = 1; i <= runs; i++)); do
  if ((i % 2)); then order=(galvani oft); else order=(oft galvani); fi
  for tool in "${order[@]}"; do
    rm -rf "$work/out-$tool"
    sync
    /usr/bin/time -f "%e %U %S" -o "$work/time" \
      java "${java_opts[@]}" -cp "$classpath" "${main[$tool]}" "$work/$tool" "$work/out-$tool" 2>"$work/log-$tool"
    read -r wall user sys <"$work/time"
    inside="$(sed -n 's/.*; \([0-9]*\) ms in main$/\1/p' "$work/log-$tool")"
    echo "$tool $i $wall $user $sys ${inside:-?} load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results" >&2
  done
done
grep -h "INFO" "$work/log-galvani" "$work/log-oft" | sed 's/^\[main\] INFO //' >&2

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
printf '%-8s %6s %10s %9s %9s %13s\n' tool runs "wall s" "user s" "sys s" "in main ms"
for tool in galvani oft; do
  printf '%-8s %6s %10s %9s %9s %13s\n' "$tool" "$runs" \
    "$(awk -v t=$tool '$1 == t {print $3}' "$results" | median)" \
    "$(awk -v t=$tool '$1 == t {print $4}' "$results" | median)" \
    "$(awk -v t=$tool '$1 == t {print $5}' "$results" | median)" \
    "$(awk -v t=$tool '$1 == t {print $6}' "$results" | median)"
done
