#!/usr/bin/env bash
# Fuzzes one door into Kaohe with libFuzzer (+ AddressSanitizer) for SECONDS seconds.
#   fuzz/run.sh TARGET SECONDS        targets: rules expression self-assessment json-line sheets
# The committed seed corpus is fuzz/corpus/TARGET; new interesting inputs go to
# .build-fuzz/corpus/TARGET (not committed); a crash is written to fuzz/crashes/TARGET/ and the
# script exits non-zero. KAOHE_FUZZ_SEED fixes libFuzzer's seed (CI does). Replay any input with: swift run kaohe-fuzz TARGET FILE…
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
seconds=${2:-60}
case "$target" in
  rules|expression|self-assessment|json-line|sheets) ;;
  *) echo "unknown target '$target' (rules, expression, self-assessment, json-line, sheets)" >&2; exit 2 ;;
esac
scratch=.build-fuzz
if [[ "${KAOHE_FUZZ_SKIP_BUILD:-}" != 1 ]]; then
  # Swift code gets libFuzzer's coverage only with -sanitize-coverage spelled out.
  swift build -c release --package-path fuzz --scratch-path "$scratch" \
    --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp >&2
fi
binary="$scratch/release/kaohe-libfuzzer"
work="$scratch/corpus/$target"
crashes="fuzz/crashes/$target"
mkdir -p "$work" "$crashes"
seed=()
[[ -n "${KAOHE_FUZZ_SEED:-}" ]] && seed=(-seed="$KAOHE_FUZZ_SEED")
dict=()
[[ -f "fuzz/dict/$target.dict" ]] && dict=(-dict="fuzz/dict/$target.dict")
# Leak reports at exit are Swift's lazily made globals and runtime caches, not lost records.
ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" KAOHE_FUZZ_TARGET="$target" "$binary" "$work" "fuzz/corpus/$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -detect_leaks=0 -artifact_prefix="$crashes/" -print_final_stats=1 "${seed[@]}" "${dict[@]}"
