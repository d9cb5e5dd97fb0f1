#!/usr/bin/env bash
# Whole-process benchmark: generate N units with the shared generator, score them with
# `kaohe evaluate --format jsonl` (release build), print units/second, peak RSS, and the
# scaling from 1 to all cores. Usage: bench/run.sh [N] (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
generator=${KAOHE_BENCH_GENERATOR:-../shared/bench/gen_units.py}
data=${TMPDIR:-/tmp}/kaohe-units-$n.jsonl
if [ ! -f "$data" ]; then
  [ -f "$generator" ] || { echo "bench: the generator ($generator) is not here; set KAOHE_BENCH_GENERATOR" >&2; exit 1; }
  python3 "$generator" "$n" --out "$data"
fi
swift build -c release --product kaohe > /dev/null
kaohe=$(swift build -c release --show-bin-path)/kaohe
measure() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v "$@" --rules bench/rules --format jsonl -o "$data.results" "$data" 2> "$data.time"
  rm -f "$data.results"
  end=$(date +%s.%N)
  local seconds rss
  seconds=$(echo "$end - $start" | bc -l)
  rss=$(grep "Maximum resident" "$data.time" | awk '{print $6}')
  printf '%-10s %8d units  %7.2f s  %9.0f units/s  peak RSS %6.1f MB\n' "$label" "$n" "$seconds" "$(echo "$n / $seconds" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}
echo "kaohe evaluate --format jsonl, $n units ($(nproc) cores)"
measure "1 thread" taskset -c 0 "$kaohe" evaluate
measure "all cores" "$kaohe" evaluate
