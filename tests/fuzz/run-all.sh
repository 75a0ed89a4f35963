#!/usr/bin/env bash
# Runs every libFuzzer target of build/fuzz one after the other (one core each), SECONDS each (default 600),
# and prints per target the executions, the coverage (cov/ft) when the seeds were loaded and at the end, and
# whether it found anything. Grown corpora and findings go to ${FUZZ_WORK:-/tmp/ccredits-fuzz}/<target>/; the
# binaries are taken from ${FUZZ_BIN:-build/fuzz/tests/fuzz} (copy them elsewhere to rebuild during a run).
#   cmake --preset fuzz && cmake --build --preset fuzz -j2 && bash tests/fuzz/run-all.sh 600 [target...]
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv_reader json_view rate_card_json rate_sheet_csv rate_workbook scenario usage_import)
work=${FUZZ_WORK:-/tmp/ccredits-fuzz}
declare -A dict=([json_view]=json [rate_card_json]=json [scenario]=json [usage_import]=usage [rate_workbook]=xlsx)
# The usage seeds hold a few hundred rows (40 KB); mutating their first 8 KB (header + ~25 rows) is 10x faster.
declare -A max_len=([usage_import]=8192)
for t in "${targets[@]}"; do
  mkdir -p "$work/$t/corpus" "$work/$t/findings"
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1
        -artifact_prefix="$work/$t/findings/")
  [ -n "${dict[$t]:-}" ] && args+=(-dict="tests/fuzz/dict/${dict[$t]}.dict")
  [ -n "${max_len[$t]:-}" ] && args+=(-max_len="${max_len[$t]}")
  echo "== fuzz_$t for ${seconds}s ($(date -u +%FT%TZ))"
  nice -n 10 "${FUZZ_BIN:-build/fuzz/tests/fuzz}/fuzz_$t" "${args[@]}" "$work/$t/corpus" "tests/fuzz/corpus/$t" \
      > "$work/$t/log" 2>&1
  echo "exit $? ($(date -u +%FT%TZ))"
  grep -m1 "INITED" "$work/$t/log" || true
  grep -E "^#[0-9]+" "$work/$t/log" | tail -1 || true
  grep -E "stat::number_of_executed_units|stat::new_units_added|Done [0-9]+ runs" "$work/$t/log" || true
  ls "$work/$t/findings"
done
