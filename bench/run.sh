#!/usr/bin/env bash
# Whole-process benchmark, side by side in one run on the same generated file: N units of the
# shared generator scored by `kaohe evaluate --format jsonl` (release build; full results), the
# same with `--brief`, and the plain Python loop of the shared reference (ref.py). Prints units/s,
# peak RSS and the ratio to the Python loop for each, and Kaohe's scaling from 1 thread to every core;
# then, when valgrind is installed, callgrind's instructions a unit for full and --brief
# (bench/callgrind.sh; KAOHE_BENCH_CALLGRIND=0 leaves them out).
# Usage: bench/run.sh [N] (default 100000). The generator and reference are taken from
# ../shared/bench/ unless KAOHE_BENCH_GENERATOR / KAOHE_BENCH_REFERENCE name them.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
generator=${KAOHE_BENCH_GENERATOR:-../shared/bench/gen_units.py}
reference=${KAOHE_BENCH_REFERENCE:-$(dirname "$generator")/ref.py}
data=${TMPDIR:-/tmp}/kaohe-units-$n.jsonl
if [ ! -f "$data" ]; then
  [ -f "$generator" ] || { echo "bench: the generator ($generator) is not here; set KAOHE_BENCH_GENERATOR" >&2; exit 1; }
  python3 "$generator" "$n" --out "$data"
fi
swift build -c release --product kaohe > /dev/null
kaohe=$(swift build -c release --show-bin-path)/kaohe

rates=()
# measure LABEL COMMAND…: runs it once with its output to a file, prints the figures.
measure() {
  local label=$1; shift
  local start end seconds rss rate
  start=$(date +%s.%N)
  /usr/bin/time -v "$@" > "$data.out" 2> "$data.time"
  end=$(date +%s.%N)
  rm -f "$data.out" "$data.results"
  seconds=$(echo "$end - $start" | bc -l)
  rss=$(grep "Maximum resident" "$data.time" | awk '{print $6}')
  rate=$(echo "$n / $seconds" | bc -l)
  rates+=("$rate")
  printf '%-28s %8d units  %7.2f s  %9.0f units/s  peak RSS %6.1f MB\n' "$label" "$n" "$seconds" "$rate" "$(echo "$rss / 1024" | bc -l)"
}

echo "$n units of $(basename "$generator"), $(nproc) cores"
measure "kaohe jsonl (full)" "$kaohe" evaluate --rules bench/rules --format jsonl -o "$data.results" "$data"
measure "kaohe jsonl --brief" "$kaohe" evaluate --rules bench/rules --format jsonl --brief -o "$data.results" "$data"
if [ -f "$reference" ]; then
  measure "python3 ref.py" python3 "$reference" "$data"
  printf 'ratio to ref.py: full %.2f×, brief %.2f×\n' "$(echo "${rates[0]} / ${rates[2]}" | bc -l)" "$(echo "${rates[1]} / ${rates[2]}" | bc -l)"
else
  echo "bench: no reference at $reference (set KAOHE_BENCH_REFERENCE); ratios left out"
fi
measure "kaohe full, 1 thread" taskset -c 0 "$kaohe" evaluate --rules bench/rules --format jsonl -o "$data.results" "$data"
printf 'scaling, 1 thread → %s cores: %.2f×\n' "$(nproc)" "$(echo "${rates[0]} / ${rates[${#rates[@]}-1]}" | bc -l)"
if [ "${KAOHE_BENCH_CALLGRIND:-1}" != 0 ]; then
  if command -v valgrind > /dev/null && [ "$n" -ge 2000 ]; then
    bash bench/callgrind.sh "$data" "$kaohe"
  else
    echo "bench: callgrind counts left out (they need valgrind and at least 2,000 units)"
  fi
fi
