#!/usr/bin/env bash
# Instructions a unit, counted by callgrind (stable on a noisy machine, unlike the clock), for
# `kaohe evaluate --format jsonl` full and `--brief`: the first 2,000 and the first 200 lines of
# a batch are each scored once under valgrind, and the difference is divided by 1,800, so that
# start-up (loading and compiling the rules) is left out.
# Usage: bench/callgrind.sh UNITS.jsonl [KAOHE]  (KAOHE: a release binary; default: build one)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: bench/callgrind.sh UNITS.jsonl [KAOHE]}
command -v valgrind > /dev/null || { echo "callgrind: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
if [ $# -ge 2 ]; then
  kaohe=$2
else
  swift build -c release --product kaohe > /dev/null
  kaohe=$(swift build -c release --show-bin-path)/kaohe
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read Swift's debug information: count on a copy without it.
strip --strip-debug -o "$work/kaohe" "$kaohe"
head -n 2000 "$data" > "$work/2000.jsonl"
head -n 200 "$data" > "$work/200.jsonl"
[ "$(wc -l < "$work/2000.jsonl")" -eq 2000 ] || { echo "callgrind: $data has fewer than 2,000 lines" >&2; exit 1; }
# count FILE FLAGS…: the instructions of one run.
count() {
  local file=$1; shift
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$work/kaohe" evaluate --rules bench/rules --format jsonl "$@" \
    -o "$work/results.jsonl" "$file" 2>&1 | awk '/refs:/ { gsub(",", "", $4); print $4 }'
}
for mode in full brief; do
  flags=()
  [ "$mode" = brief ] && flags=(--brief)
  many=$(count "$work/2000.jsonl" ${flags[@]+"${flags[@]}"})
  few=$(count "$work/200.jsonl" ${flags[@]+"${flags[@]}"})
  printf 'callgrind, %-6s %9d instructions a unit\n' "$mode" $(( (many - few) / 1800 ))
done
